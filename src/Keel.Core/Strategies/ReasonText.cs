using System.Globalization;
using System.Runtime.CompilerServices;

namespace Keel.Core.Strategies;

/// <summary>
/// Builds a signal's reason from an interpolated string only when someone will read it
/// (<see cref="StrategyContext.Reason"/>): when reasons go unread, the compiler-generated calls skip
/// every hole, so <c>context.Reason($"SMA={fast:F4} crossed SMA={slow:F4}")</c> formats nothing and allocates nothing.
/// Values are formatted with the invariant culture, so a reason reads the same on every machine.
/// </summary>
[InterpolatedStringHandler]
public ref struct ReasonText
{
    private DefaultInterpolatedStringHandler _builder;
    private readonly bool _active;

    public ReasonText(int literalLength, int formattedCount, StrategyContext context, out bool shouldAppend)
    {
        _active = shouldAppend = !context.ReasonsUnread;
        _builder = _active ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    public void AppendLiteral(string value) => _builder.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _builder.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _builder.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment, string? format = null) => _builder.AppendFormatted(value, alignment, format);

    public void AppendFormatted(string? value) => _builder.AppendFormatted(value);

    internal string Finish(string unread) => _active ? _builder.ToStringAndClear() : unread;
}
