using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tracker.Web.Data;

/// <summary>Writes UTC and marks values read back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
