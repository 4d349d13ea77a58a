using Tracker.Core.Amounts;

namespace Tracker.Core.Conversions;

/// <summary>The policy's verdict on one postback, with the reason in words for the postback log.</summary>
public sealed record PostbackDecision
{
    public required PostbackAction Action { get; init; }

    public required PostbackOutcome Outcome { get; init; }

    /// <summary>What happened and why, in a sentence or two an affiliate understands.</summary>
    public required string Message { get; init; }

    /// <summary>The conversion's status after <see cref="PostbackAction.Create"/> or <see cref="PostbackAction.ChangeStatus"/>.</summary>
    public ConversionStatus? Status { get; init; }

    /// <summary>The status word as the network sent it.</summary>
    public string OriginalStatus { get; init; } = "";

    /// <summary>
    /// Base-currency micro-units: the new conversion's revenue (Create), the rebill's revenue (AddRebill),
    /// the conversion's new revenue without rebills (ChangeStatus; null keeps it), the revenue taken back (RejectRebill).
    /// </summary>
    public long? RevenueMicros { get; init; }

    /// <summary>The payout as the network (or the offer) stated it, before conversion to the base currency.</summary>
    public Money? Stated { get; init; }

    /// <summary>
    /// The stated payout when it has no exchange rate yet: recorded, and converted when the rate is added.
    /// <see cref="RevenueMicros"/> is then 0 for that part.
    /// </summary>
    public Money? AwaitingRate { get; init; }

    /// <summary>The postback's transaction id ("" when none).</summary>
    public string Tid { get; init; } = "";

    /// <summary>True when the decision writes the conversion (everything but Ignore and Refuse).</summary>
    public bool ChangesConversion => Action is PostbackAction.Create or PostbackAction.ChangeStatus
        or PostbackAction.AddRebill or PostbackAction.RejectRebill;
}
