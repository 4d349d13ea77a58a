using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>One page of conversions.</summary>
public sealed record ConversionPageDto(
    [property: Description("The conversions on this page, newest first.")] IReadOnlyList<ConversionDto> Items,
    [property: Description("How many conversions match the filters, over all pages.")] int Total,
    [property: Description("How many matching conversions were skipped before this page.")] int Skip,
    [property: Description("The page size used.")] int Take);
