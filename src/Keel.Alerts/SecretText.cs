namespace Keel.Alerts;

/// <summary>Removes secrets from text that may reach a log, the store or the console (errors quote URLs and replies).</summary>
internal static class SecretText
{
    public static string Scrub(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 4) text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }
}
