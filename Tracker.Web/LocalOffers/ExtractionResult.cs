using Tracker.Core.Offers.LocalOffers;

namespace Tracker.Web.LocalOffers;

/// <summary>The result of extracting an upload into a fresh folder: the files written, or why none should be kept.</summary>
public sealed record ExtractionResult(ArchivePlan? Plan, IReadOnlyList<LocalOfferFile> Files, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ExtractionResult Refused(params IReadOnlyList<string> problems) => new(null, [], problems);
}
