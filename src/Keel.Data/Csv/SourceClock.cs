using System.Runtime.CompilerServices;

namespace Keel.Data.Csv;

/// <summary>
/// Turns file timestamps into UTC ticks. Rows come in date order, so the day's start and its zone offset
/// are cached per date and <see cref="TimeZoneInfo"/> is consulted once per day, not once per row.
/// Only on the two daylight-saving change days a year is the offset looked up per row.
/// </summary>
internal sealed class SourceClock(TimeZoneInfo zone)
{
    private readonly bool _zoneIsUtc = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;
    private int _cachedDate = -1;
    private long _dayStartTicks;
    private long _dayOffsetTicks;
    private bool _offsetChangesDuringDay;

    public TimeZoneInfo Zone => zone;

    /// <summary>
    /// UTC ticks for a parsed timestamp. Text without an offset is read in the source zone; a local
    /// time that is skipped or repeated by a daylight-saving change is read with the zone's standard offset.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ToUtcTicks(in TextTimestamp timestamp)
    {
        if (timestamp.PackedDate != _cachedDate) LoadDay(timestamp.PackedDate);
        var localTicks = _dayStartTicks + timestamp.TimeOfDayTicks;
        if (timestamp.HasOffset) return localTicks - timestamp.OffsetTicks;
        if (!_offsetChangesDuringDay) return localTicks - _dayOffsetTicks;
        return localTicks - zone.GetUtcOffset(new DateTime(localTicks, DateTimeKind.Unspecified)).Ticks;
    }

    private void LoadDay(int packedDate)
    {
        var dayStart = new DateTime(packedDate / 10_000, packedDate / 100 % 100, packedDate % 100, 0, 0, 0, DateTimeKind.Unspecified);
        _cachedDate = packedDate;
        _dayStartTicks = dayStart.Ticks;
        if (_zoneIsUtc)
        {
            _dayOffsetTicks = 0;
            _offsetChangesDuringDay = false;
            return;
        }
        var startOffset = zone.GetUtcOffset(dayStart);
        var dayEnd = new DateTime(Math.Min(dayStart.Ticks + TimeSpan.TicksPerDay - 1, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified);
        var endOffset = zone.GetUtcOffset(dayEnd);
        _dayOffsetTicks = startOffset.Ticks;
        _offsetChangesDuringDay = startOffset != endOffset;
    }
}
