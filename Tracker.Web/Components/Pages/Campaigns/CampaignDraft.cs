using System.Text.Json;
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
        foreach (var (field, message) in InputErrors) Errors.Add(field, message);
    }

    /// <summary>
    /// Number fields whose typed text cannot be read (by field key), with the message shown under them.
    /// They keep the text and the last good value; the draft is invalid while any is here.
    /// </summary>
    public Dictionary<string, string> InputErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Records (or, with null, clears) why the text typed into a number field cannot be read.</summary>
    public void SetInputError(string field, string? message)
    {
        if (message is null) InputErrors.Remove(field);
        else InputErrors[field] = message;
        Touch(field);
    }

    /// <summary>Forgets unreadable text under a prefix (a removed stream or offer row takes its fields with it).</summary>
    public void ClearInputErrorsUnder(string prefix)
    {
        foreach (var key in InputErrors.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) InputErrors.Remove(key);
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

    /// <summary>The parts of a campaign an editor changes, with the words the conflict banner uses for them.</summary>
    private static readonly (string Label, Func<Campaign, object> Value, Action<Campaign, Campaign> Copy)[] Parts =
    [
        ("name", c => c.Name, (from, to) => to.Name = from.Name),
        ("alias", c => c.Alias, (from, to) => to.Alias = from.Alias),
        ("state", c => c.State, (from, to) => to.State = from.State),
        ("uniqueness window", c => c.UniquenessHours, (from, to) => to.UniquenessHours = from.UniquenessHours),
        // The streams are one part: their order is routing, so a merge stream by stream could route in a way nobody chose.
        ("streams", c => StreamsFingerprint(c), (from, to) => to.Streams = [.. from.Streams.Select(CopyStream)]),
    ];

    /// <summary>What differs between two versions of a campaign, in the editor's words.</summary>
    public static IReadOnlyList<string> Differences(Campaign a, Campaign b) =>
        [.. Parts.Where(p => !Equals(p.Value(a), p.Value(b))).Select(p => p.Label)];

    /// <summary>
    /// The edits made since <paramref name="original"/> (and only those) laid on <paramref name="current"/>,
    /// to be saved as the version after it. Streams the other side removed are added back as new ones.
    /// </summary>
    public static Campaign ReapplyOnto(Campaign edited, Campaign original, Campaign current)
    {
        var merged = Copy(current);
        var mine = Differences(original, edited);
        foreach (var part in Parts.Where(p => mine.Contains(p.Label))) part.Copy(edited, merged);
        var stillThere = current.Streams.Select(s => s.Id).ToHashSet();
        foreach (var s in merged.Streams.Where(s => !stillThere.Contains(s.Id))) s.Id = 0;
        return merged;
    }

    private static string StreamsFingerprint(Campaign c) =>
        JsonSerializer.Serialize(c.Streams.Select(s => new { s.Id, s.Name, s.Type, s.Weight, s.State, s.Filters, s.Action, s.ActionPayload, s.Offers }));

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
