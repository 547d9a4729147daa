using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Keel.Dashboard.Security;

/// <summary>
/// When a token is set, every request must carry it: <c>Authorization: Bearer …</c>, the cookie this gate sets,
/// or once <c>?token=…</c> on a page address (then kept in an HttpOnly, SameSite=Strict cookie and the address
/// cleaned). Compared in constant time on SHA-256 digests, so neither the token's content nor its length leaks
/// through timing.
/// </summary>
internal sealed class TokenGate(string token)
{
    public const string CookieName = "keel_dashboard_token";
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Matches(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (Matches(bearer) || Matches(request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }
        if (request.Query.TryGetValue("token", out var query) && Matches(query.ToString()))
        {
            context.Response.Cookies.Append(CookieName, query.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect(request.PathBase + request.Path);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("This Keel dashboard needs its token: open it once as /?token=… (the value of KEEL_DASHBOARD_TOKEN), or send Authorization: Bearer ….");
    }
}
