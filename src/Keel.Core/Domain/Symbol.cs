namespace Keel.Core.Domain;

/// <summary>
/// A tradable instrument. Equities are plain tickers (<c>AAPL</c>); crypto pairs use the
/// data-API form with a slash (<c>BTC/USD</c>), which is also how <see cref="Parse"/> tells them apart.
/// </summary>
public sealed record Symbol
{
    public string Ticker { get; }
    public AssetClass AssetClass { get; }

    public Symbol(string ticker, AssetClass assetClass)
    {
        if (string.IsNullOrWhiteSpace(ticker))
            throw new ArgumentException("A symbol needs a non-empty ticker.", nameof(ticker));
        ticker = ticker.Trim().ToUpperInvariant();
        foreach (var c in ticker)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-'))
                throw new ArgumentException($"Symbol '{ticker}' contains '{c}'; use letters, digits, '.', '-' or '/' (crypto pairs like BTC/USD).", nameof(ticker));
        }
        if (assetClass == AssetClass.Crypto && ticker.Split('/').Length != 2)
            throw new ArgumentException($"Crypto symbol '{ticker}' must be a pair like BTC/USD.", nameof(ticker));
        if (assetClass is AssetClass.UsEquity or AssetClass.Future && ticker.Contains('/'))
            throw new ArgumentException($"{AssetClassText.Name(assetClass)} symbol '{ticker}' cannot contain '/'.", nameof(ticker));
        if (assetClass == AssetClass.Fx && ticker.Split('/').Length > 2)
            throw new ArgumentException($"Currency pair '{ticker}' must be like EUR/USD.", nameof(ticker));
        Ticker = ticker;
        AssetClass = assetClass;
        _hashCode = HashCode.Combine(ticker, assetClass);
    }

    // Symbols key the ledger's and the broker's lookups on every bar; hashing the ticker each time showed in universe runs.
    private readonly int _hashCode;

    public override int GetHashCode() => _hashCode;

    public bool Equals(Symbol? other) =>
        ReferenceEquals(this, other) || (other is not null && _hashCode == other._hashCode && AssetClass == other.AssetClass && Ticker == other.Ticker);

    /// <summary>Parses <c>AAPL</c> as a US equity and <c>BTC/USD</c> as crypto (the form rule: a pair with '/' is crypto).</summary>
    public static Symbol Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Symbol(text, text.Contains('/') ? AssetClass.Crypto : AssetClass.UsEquity);
    }

    /// <summary>Crypto trades in fractions; equities in whole shares unless the broker allows fractional.</summary>
    public bool IsCrypto => AssetClass == AssetClass.Crypto;

    /// <summary>A name safe for file and folder names (<c>BTC/USD</c> becomes <c>BTC-USD</c>).</summary>
    public string FileSafeName => Ticker.Replace('/', '-');

    public override string ToString() => Ticker;
}
