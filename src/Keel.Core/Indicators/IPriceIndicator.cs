namespace Keel.Core.Indicators;

/// <summary>
/// An indicator of a single price series. Fed a <see cref="Domain.Bar"/> it uses the close; it also
/// accepts plain numbers through <see cref="Update(double)"/>, which has no time check because a
/// number carries no timestamp.
/// </summary>
public interface IPriceIndicator : IIndicator
{
    /// <summary>Feeds one value; it must be finite.</summary>
    void Update(double input);
}
