using System.ComponentModel;
using Tracker.Core.Offers;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>
/// A campaign with its streams in routing order (API.md "Campaign fields"). A PUT replaces the
/// campaign and its whole stream list: streams with an id are updated, streams without one are added,
/// streams left out are removed.
/// </summary>
public sealed record CampaignDto
{
    [ReadOnlyField, Description("Assigned by the tracker; ignored in requests (the route's id wins on PUT).")]
    public int Id { get; init; }

    [Description("Shown in the admin and in reports. Required, at most 200 characters.")]
    public string Name { get; init; } = "";

    [Description("The path of the tracking link /{alias}: 2–64 characters [a-z0-9_-], starting with a letter or digit; unique; not admin, api, lo, health, favicon.ico, robots.txt or anything starting with '_'.")]
    public string Alias { get; init; } = "";

    [Description("active or archived; an archived campaign keeps its clicks and reports but its link no longer routes visitors.")]
    public ItemState State { get; init; } = ItemState.Active;

    [Description("A click is unique when the same IP and user agent have not clicked this campaign within this many hours (1–8760, default 24).")]
    public int UniquenessHours { get; init; } = 24;

    [Description("In routing order: forced streams are tried in this order, then regular streams by weight among those whose filters match, then the default stream.")]
    public List<StreamDto> Streams { get; init; } = [];

    [Description("Increases on every change. Required on PUT: send the version you read; an older one answers 409 and saves nothing.")]
    public int Version { get; init; }

    [ReadOnlyField, Description("The link to put into ads: the public base URL plus the alias.")]
    public string TrackingUrl { get; init; } = "";
}
