namespace Tracker.Core.Conversions;

/// <summary>A postback's parameters, validated and named our way (aliases resolved).</summary>
public sealed record ParsedPostback
{
    /// <summary>The click's subid as sent (trimmed).</summary>
    public required string SubId { get; init; }

    /// <summary>The status word exactly as sent (trimmed); empty when the network sent none.</summary>
    public string Status { get; init; } = "";

    /// <summary>The stated payout; null when the postback has no <c>payout</c>/<c>revenue</c>.</summary>
    public decimal? Payout { get; init; }

    /// <summary>Upper-case ISO 4217 code of <see cref="Payout"/>; null means the offer's payout currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Transaction id; empty when absent (stored as "" so it still takes part in uniqueness).</summary>
    public string Tid { get; init; } = "";

    public StatusMap StatusMap { get; init; } = StatusMap.Empty;

    /// <summary><c>sub_id_1</c>…<c>sub_id_15</c> values that update the click's parameters.</summary>
    public IReadOnlyDictionary<string, string> ClickParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Free text naming the network.</summary>
    public string From { get; init; } = "";

    /// <summary>The body to answer with on success instead of the default text; null for the default.</summary>
    public string? Return { get; init; }

    public StatusResolution ResolveStatus() => StatusMap.Resolve(Status);
}
