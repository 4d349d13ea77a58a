using Tracker.Core.Conversions;

namespace Tracker.Web.Conversions;

/// <summary>Which conversions to list; times are UTC, <see cref="ToUtc"/> exclusive.</summary>
public sealed record ConversionFilter(
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    int? OfferId = null,
    ConversionStatus? Status = null,
    string? SubId = null,
    bool AwaitingRateOnly = false);
