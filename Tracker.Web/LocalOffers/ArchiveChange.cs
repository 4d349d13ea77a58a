using System.Collections.Concurrent;

namespace Tracker.Web.LocalOffers;

/// <summary>How an upload or removal went; <see cref="Version"/> is the offer's version afterwards (or the current one on a conflict).</summary>
public sealed record ArchiveChange(ArchiveChangeStatus Status, int Version = 0, LocalOfferArchive? Archive = null, IReadOnlyList<string>? Problems = null);
