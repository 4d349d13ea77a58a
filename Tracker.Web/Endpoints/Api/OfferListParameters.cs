using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Tracker.Core.Offers;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;

namespace Tracker.Web.Endpoints.Api;

/// <summary>
/// Query parameters of <c>GET /offers</c>. Taken as text and checked here, so a wrong value answers a
/// 400 that names the parameter instead of the framework's bare 400.
/// </summary>
public sealed record OfferListParameters(
    [property: Description("Matches the offer's name or URL (case-insensitive); a number also matches the id."), FromQuery(Name = "search")] string? Search = null,
    [property: Description("Only offers in this group."), FromQuery(Name = "groupId")] string? GroupId = null,
    [property: Description("Only offers of this affiliate network."), FromQuery(Name = "affiliateNetworkId")] string? AffiliateNetworkId = null,
    [property: Description("active (default), archived or all."), FromQuery(Name = "state")] string? State = null,
    [property: Description("name (default), id, updated or payout."), FromQuery(Name = "sort")] string? Sort = null,
    [property: Description("asc (default) or desc."), FromQuery(Name = "order")] string? Order = null,
    [property: Description("How many matching offers to skip (default 0)."), FromQuery(Name = "skip")] string? Skip = null,
    [property: Description("Page size, 1–500 (default 50)."), FromQuery(Name = "take")] string? Take = null)
{
    public const int DefaultTake = 50;
    public const int MaxTake = 500;

    private static readonly string[] States = ["active", "archived", "all"];
    private static readonly string[] Sorts = ["name", "id", "updated", "payout"];
    private static readonly string[] Orders = ["asc", "desc"];

    public (OfferQuery Query, ValidationErrors Errors) ToQuery()
    {
        var e = new ValidationErrors();
        var groupId = OptionalId(GroupId, "groupId", e);
        var networkId = OptionalId(AffiliateNetworkId, "affiliateNetworkId", e);
        var state = Word(State, "state", States, "active", e) switch
        {
            "archived" => ItemState.Archived,
            "all" => (ItemState?)null,
            _ => ItemState.Active,
        };
        var sort = Word(Sort, "sort", Sorts, "name", e) switch
        {
            "id" => OfferSort.Id,
            "updated" => OfferSort.Updated,
            "payout" => OfferSort.Payout,
            _ => OfferSort.Name,
        };
        var descending = Word(Order, "order", Orders, "asc", e) == "desc";
        var skip = Number(Skip, "skip", 0, 0, int.MaxValue, e);
        var take = Number(Take, "take", DefaultTake, 1, MaxTake, e);
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        if (search is { Length: > 200 }) e.Add("search", "Search text must be at most 200 characters.");
        return (new OfferQuery(search, groupId, networkId, state, sort, descending, skip, take), e);
    }

    /// <summary>Gives the text parameters their real types and allowed words in the OpenAPI document.</summary>
    internal static void Describe(OpenApiOperation operation) => AdminApiDocument.DescribeParameters(operation, name => name switch
    {
        "groupId" or "affiliateNetworkId" => AdminApiDocument.WholeNumber(1),
        "skip" => AdminApiDocument.WholeNumber(0, defaultValue: 0),
        "take" => AdminApiDocument.WholeNumber(1, MaxTake, DefaultTake),
        "state" => AdminApiDocument.Words(States, "active"),
        "sort" => AdminApiDocument.Words(Sorts, "name"),
        "order" => AdminApiDocument.Words(Orders, "asc"),
        _ => null,
    });

    private static int? OptionalId(string? text, string field, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        e.Add(field, $"'{Shorten(text)}' is not an id: use a positive whole number.");
        return null;
    }

    private static int Number(string? text, string field, int fallback, int min, int max, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        e.Add(field, max == int.MaxValue ? $"Use a whole number of at least {min}." : $"Use a whole number from {min} to {max}.");
        return fallback;
    }

    private static string Word(string? text, string field, string[] allowed, string fallback, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var word = text.Trim().ToLowerInvariant();
        if (allowed.Contains(word)) return word;
        e.Add(field, $"'{Shorten(text)}' is not allowed. Use one of: {string.Join(", ", allowed)}.");
        return fallback;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
