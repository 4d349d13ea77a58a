using Tracker.Core.Campaigns;
using Tracker.Core.Validation;
using Tracker.Web.Catalog;

namespace Tracker.Web.Components.Pages.Campaigns;

/// <summary>
/// The campaign being edited plus what the editor knows about it: live validation errors (the same
/// <see cref="CampaignValidator"/> the API uses), errors the server returned on save, and which fields
/// the user has touched, so a fresh form does not open full of red.
/// </summary>
public sealed class CampaignDraft
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private ValidationErrors _serverErrors = new();

    public CampaignDraft(Campaign campaign, IReadOnlyList<OfferSummary> offers)
    {
        Campaign = campaign;
        Offers = offers;
        Revalidate();
    }

    public Campaign Campaign { get; }

    /// <summary>Every offer (any state) for the stream offer pickers.</summary>
    public IReadOnlyList<OfferSummary> Offers { get; set; }

    /// <summary>The alias last found to belong to another campaign (checked as the user types).</summary>
    public string? TakenAlias { get; set; }

    /// <summary>Set by a save attempt: from then on every error is shown.</summary>
    public bool Submitted { get; set; }

    public ValidationErrors Errors { get; private set; } = new();

    public bool IsNew => Campaign.Id == 0;

    public void Revalidate()
    {
        var offerIds = Offers.Select(o => o.Id).ToHashSet();
        Errors = CampaignValidator.Validate(Campaign, new CampaignReferences(
            alias => string.Equals(alias, TakenAlias, StringComparison.Ordinal),
            offerIds.Contains));
    }

    /// <summary>Records that the user edited something: server errors are stale now.</summary>
    public void Touch(string field)
    {
        _touched.Add(field);
        _serverErrors = new ValidationErrors();
        Revalidate();
    }

    public void SetServerErrors(ValidationErrors errors) => _serverErrors = errors;

    /// <summary>The first message for a campaign-level field once it was touched or a save was attempted.</summary>
    public string? ErrorFor(string field)
    {
        var server = _serverErrors.First(field);
        if (server is not null) return server;
        return Submitted || _touched.Contains(field) ? Errors.First(field) : null;
    }

    /// <summary>Stream errors guide the user as they build a stream, so they show right away.</summary>
    public string? StreamError(string field) => _serverErrors.First(field) ?? Errors.First(field);

    /// <summary>All messages under a prefix such as <c>streams[1]</c> (for a row's error badge).</summary>
    public IReadOnlyList<string> ErrorsUnder(string prefix) =>
        Errors.ToDictionary().Concat(_serverErrors.ToDictionary())
            .Where(kv => kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal) || kv.Key == prefix)
            .SelectMany(kv => kv.Value).Distinct().ToList();

    /// <summary>Messages for fields the form does not show next to an input (e.g. a stream id the server refused).</summary>
    public IReadOnlyList<string> ServerErrorsOutsideFields(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToHashSet(StringComparer.Ordinal);
        return _serverErrors.ToDictionary().Where(kv => !shown.Contains(kv.Key)).SelectMany(kv => kv.Value).ToList();
    }

    public static Campaign Copy(Campaign c) => new()
    {
        Id = c.Id,
        Name = c.Name,
        Alias = c.Alias,
        State = c.State,
        UniquenessHours = c.UniquenessHours,
        Version = c.Version,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
        // List order is the routing order (the editor reorders the list; Position is set on save).
        Streams = [.. c.Streams.Select(CopyStream)],
    };

    public static CampaignStream CopyStream(CampaignStream s) => new()
    {
        Id = s.Id,
        CampaignId = s.CampaignId,
        Position = s.Position,
        Name = s.Name,
        Type = s.Type,
        Weight = s.Weight,
        State = s.State,
        Filters = [.. s.Filters.Select(f => new StreamFilter { Type = f.Type, Mode = f.Mode, Values = [.. f.Values] })],
        Action = s.Action,
        ActionPayload = s.ActionPayload,
        Offers = [.. s.Offers.Select(o => new StreamOffer { OfferId = o.OfferId, Share = o.Share })],
    };
}
