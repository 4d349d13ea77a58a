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
