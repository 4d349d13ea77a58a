namespace Tracker.Core.Conversions;

/// <summary>
/// The network's own status words mapped to ours, from the postback's <c>lead_status</c>,
/// <c>sale_status</c>, <c>rejected_status</c> and <c>ignore_status</c> comma lists.
/// </summary>
public sealed class StatusMap
{
    private static readonly StringComparer WordComparer = StringComparer.OrdinalIgnoreCase;

    public static readonly StatusMap Empty = new([], [], [], []);

    public StatusMap(IEnumerable<string> lead, IEnumerable<string> sale, IEnumerable<string> rejected, IEnumerable<string> ignore)
    {
        Lead = lead.ToHashSet(WordComparer);
        Sale = sale.ToHashSet(WordComparer);
        Rejected = rejected.ToHashSet(WordComparer);
        Ignore = ignore.ToHashSet(WordComparer);
    }

    public IReadOnlySet<string> Lead { get; }
    public IReadOnlySet<string> Sale { get; }
    public IReadOnlySet<string> Rejected { get; }
    public IReadOnlySet<string> Ignore { get; }

    public static StatusMap Parse(string? lead, string? sale, string? rejected, string? ignore) =>
        new(SplitList(lead), SplitList(sale), SplitList(rejected), SplitList(ignore));

    /// <summary>
    /// Splits a comma list. Networks paste the lists into their own URL fields, which sometimes
    /// encode the commas a second time, so a literal <c>%2C</c> also separates words.
    /// </summary>
    public static IReadOnlyList<string> SplitList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return [];
        return list.Replace("%2C", ",", StringComparison.OrdinalIgnoreCase)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The network's explicit lists win over our own words (a network may map its word <c>lead</c>
    /// to sale); among the lists, ignore comes first, then sale, lead, rejected.
    /// </summary>
    public StatusResolution Resolve(string? word)
    {
        var w = word?.Trim() ?? "";
        if (w.Length == 0) return new(ConversionStatus.Sale, StatusSource.Default, "");
        if (Ignore.Contains(w)) return new(null, StatusSource.Ignored, w);
        if (Sale.Contains(w)) return new(ConversionStatus.Sale, StatusSource.Mapped, w);
        if (Lead.Contains(w)) return new(ConversionStatus.Lead, StatusSource.Mapped, w);
        if (Rejected.Contains(w)) return new(ConversionStatus.Rejected, StatusSource.Mapped, w);
        if (ConversionStatuses.TryParseNative(w, out var native)) return new(native, StatusSource.Native, w);
        return new(ConversionStatus.Lead, StatusSource.Unknown, w);
    }
}
