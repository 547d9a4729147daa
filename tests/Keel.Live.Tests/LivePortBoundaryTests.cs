using System.Reflection;

namespace Keel.Live.Tests;

/// <summary>
/// The session talks to the broker only through Core's ports (<c>ILiveExecutionPort</c>, <c>IBrokerAccountPort</c>,
/// <c>IMarketDataProvider</c>): nothing it holds or is given is an Alpaca type, so a second broker is a second
/// set of adapters, not a change to the session.
/// </summary>
public sealed class LivePortBoundaryTests
{
    private const BindingFlags Everything = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    [Theory]
    [InlineData("Keel.Live.LiveSession")]
    [InlineData("Keel.Live.BrokerCalendar")]
    public void The_session_holds_and_takes_no_alpaca_type(string typeName)
    {
        var type = typeof(LiveSession).Assembly.GetType(typeName, throwOnError: true)!;
        var used = type.GetFields(Everything).Select(f => f.FieldType)
            .Concat(type.GetConstructors(Everything).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(Everything).Where(m => m.DeclaringType == type).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .SelectMany(Unwrap)
            .ToList();
        used.ShouldNotBeEmpty();
        used.ShouldContain(t => t.Namespace == "Keel.Core.Trading"); // the ports themselves
        used.Where(t => t.Assembly.GetName().Name == "Keel.Alpaca").Select(t => t.FullName).ShouldBeEmpty();
    }

    /// <summary>A type and the type arguments inside it (Task&lt;IReadOnlyList&lt;X&gt;&gt; names X).</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType) foreach (var inner in Unwrap(type.GetElementType()!)) yield return inner;
        if (!type.IsGenericType) yield break;
        foreach (var argument in type.GetGenericArguments())
        {
            foreach (var inner in Unwrap(argument)) yield return inner;
        }
    }
}
