namespace Tracker.Core.Conversions;

/// <summary>
/// Every (subid, tid) the tracker has accepted: the unique key that makes a rebill or a repeated
/// postback count once. The first postback without a tid is stored with an empty tid.
/// </summary>
public sealed class ConversionTransaction
{
    public long Id { get; set; }

    public long ConversionId { get; set; }

    public string SubId { get; set; } = "";

    public string Tid { get; set; } = "";

    /// <summary>
    /// For the conversion's own postbacks: the status it set. For a rebill: <see cref="ConversionStatus.Rebill"/>,
    /// or <see cref="ConversionStatus.Rejected"/> once the network rejected it.
    /// </summary>
    public ConversionStatus Status { get; set; }

    /// <summary>True for a rebill (extra revenue on the conversion); false for the conversion's own postbacks.</summary>
    public bool IsRebill { get; set; }

    /// <summary>
    /// For a rebill: the revenue it added (base currency). For the conversion's own postbacks: the
    /// conversion's revenue without rebills as of that postback.
    /// </summary>
    public long RevenueMicros { get; set; }

    /// <summary>
    /// The part of this postback's payout (micro-units of the conversion's <see cref="Conversion.PendingCurrency"/>)
    /// that waits for an exchange rate; 0 once converted or when it never waited.
    /// </summary>
    public long PendingMicros { get; set; }

    public DateTime CreatedAt { get; set; }
}
