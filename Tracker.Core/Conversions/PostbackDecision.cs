using Tracker.Core.Amounts;

namespace Tracker.Core.Conversions;

/// <summary>What a postback does to the click's conversion.</summary>
public enum PostbackAction
{
    /// <summary>The click's first conversion.</summary>
    Create = 0,
    /// <summary>An allowed status change of the conversion (lead→sale, lead→rejected, sale→rejected).</summary>
    ChangeStatus = 1,
    /// <summary>A new transaction id on an offer with rebills: revenue grows, the count does not.</summary>
    AddRebill = 2,
    /// <summary>The network rejected an earlier rebill (rebill→rejected): its revenue is taken back.</summary>
    RejectRebill = 3,
    /// <summary>Nothing changes: a duplicate, an ignored status or a change that is not allowed.</summary>
    Ignore = 4,
    /// <summary>The postback cannot be turned into the right money: nothing recorded but the log row.</summary>
    Refuse = 5,
}

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

/// <summary>The result of applying a decision: the conversion to save and the transaction row to insert, if any.</summary>
public sealed record AppliedPostback(
    Conversion Conversion,
    ConversionTransaction? NewTransaction,
    bool CountedTowardCapBefore,
    bool CountedTowardCapAfter);
