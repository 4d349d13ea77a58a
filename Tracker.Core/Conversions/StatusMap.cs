namespace Tracker.Core.Conversions;

/// <summary>Where a postback's status came from, so the log can say it in words.</summary>
public enum StatusSource
{
    /// <summary>No status in the postback: the default, <c>sale</c>.</summary>
    Default = 0,
    /// <summary>One of our own words: lead, sale, rejected, rebill.</summary>
    Native = 1,
    /// <summary>The network's word, mapped by <c>lead_status</c>, <c>sale_status</c> or <c>rejected_status</c>.</summary>
    Mapped = 2,
    /// <summary>Listed in <c>ignore_status</c>: logged, nothing else.</summary>
    Ignored = 3,
    /// <summary>A word no list mentions: recorded as a lead (revenue on hold) so nothing is lost.</summary>
    Unknown = 4,
}

/// <summary>The status a postback asks for; <see cref="Status"/> is null only when the word is ignored.</summary>
public readonly record struct StatusResolution(ConversionStatus? Status, StatusSource Source, string Word);

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
