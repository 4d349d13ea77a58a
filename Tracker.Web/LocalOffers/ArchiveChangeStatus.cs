using System.Collections.Concurrent;

namespace Tracker.Web.LocalOffers;

public enum ArchiveChangeStatus
{
    Done,
    Refused,
    OfferNotFound,
    VersionConflict,
    NoArchive,
}
