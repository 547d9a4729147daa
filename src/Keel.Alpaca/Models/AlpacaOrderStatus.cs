using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>Alpaca's order statuses; see AlpacaOrderStatuses for which are final.</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaOrderStatus>))]
public enum AlpacaOrderStatus
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    New,
    PartiallyFilled,
    Filled,
    DoneForDay,
    Canceled,
    Expired,
    Replaced,
    PendingCancel,
    PendingReplace,
    PendingReview,
    Accepted,
    PendingNew,
    AcceptedForBidding,
    Stopped,
    Rejected,
    Suspended,
    Calculated,
    Held,
}
