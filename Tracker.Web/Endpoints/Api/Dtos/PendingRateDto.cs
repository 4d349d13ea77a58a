using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>Revenue that waits for an exchange rate.</summary>
public sealed record PendingRateDto(
    [property: Description("The amount as the network stated it.")] decimal Amount,
    [property: Description("ISO 4217 code with no exchange rate yet, e.g. BRL.")] string Currency);
