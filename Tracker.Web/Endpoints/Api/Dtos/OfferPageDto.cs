using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>One page of the offers list plus how many offers matched the filters in total.</summary>
public sealed record OfferPageDto(
    [property: Description("The offers on this page.")] IReadOnlyList<OfferDto> Items,
    [property: Description("How many offers match the filters, over all pages.")] int Total,
    [property: Description("How many matching offers were skipped before this page.")] int Skip,
    [property: Description("The page size used.")] int Take);
