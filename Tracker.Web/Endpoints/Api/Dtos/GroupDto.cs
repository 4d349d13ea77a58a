using System.ComponentModel;

namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>An offer group (a folder for offers).</summary>
public sealed record GroupDto
{
    [ReadOnlyField, Description("Assigned by the tracker; ignored in requests.")]
    public int Id { get; init; }

    [Description("Unique, required, at most 100 characters.")]
    public string Name { get; init; } = "";

    [ReadOnlyField, Description("How many offers are in the group; a group can be deleted only when this is 0.")]
    public int OfferCount { get; init; }

    [Description("Increases on every change. Required on PUT: the version you last read; an older one answers 409.")]
    public int Version { get; init; }
}
