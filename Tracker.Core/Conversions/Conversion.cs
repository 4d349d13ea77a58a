namespace Tracker.Core.Conversions;

/// <summary>The single conversion of a click (one per subid); rebills add to its revenue.</summary>
public sealed class Conversion
{
    public long Id { get; set; }

    public long ClickId { get; set; }

    public string SubId { get; set; } = "";

    public int CampaignId { get; set; }

    public int? StreamId { get; set; }

    public int? OfferId { get; set; }

    public int? AffiliateNetworkId { get; set; }

    public ConversionStatus Status { get; set; }

    /// <summary>The status word exactly as the network sent it.</summary>
    public string OriginalStatus { get; set; } = "";

    /// <summary>Revenue in micro-units of the base currency (rebills included).</summary>
    public long RevenueMicros { get; set; }

    /// <summary>Revenue as the network stated it, before conversion.</summary>
    public long OriginalPayoutMicros { get; set; }

    public string OriginalCurrency { get; set; } = "";

    public int RebillCount { get; set; }

    /// <summary>
    /// The currency of revenue that waits for an exchange rate (null when none waits). Such a
    /// conversion is recorded like any other; its waiting amount is converted when the rate is added.
    /// </summary>
    public string? PendingCurrency { get; set; }

    /// <summary>
    /// How much (micro-units of <see cref="PendingCurrency"/>) waits for a rate: the base payout and any
    /// rebills stated in that currency. Not part of <see cref="RevenueMicros"/> until converted.
    /// </summary>
    public long PendingMicros { get; set; }

    /// <summary>True while part of the revenue waits for an exchange rate.</summary>
    public bool AwaitsRate => PendingCurrency is not null;

    /// <summary>The first postback's transaction id, if any.</summary>
    public string? Tid { get; set; }

    /// <summary>UTC time of the first postback.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC time of the click, for reporting by click date.</summary>
    public DateTime ClickedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
