using Tracker.Core.Validation;

namespace Tracker.Core.Campaigns;

/// <summary>
/// The one place a campaign and its streams are checked, shared by the admin UI and the API. Keys are
/// the API's field paths (<c>streams[1].filters[0].values</c>); messages say what to do.
/// </summary>
public static class CampaignValidator
{
    public const int MaxNameLength = 200;
    public const int MaxStreams = 100;
    public const int MaxOffersPerStream = 100;
    public const int MaxFiltersPerStream = 20;
    public const int MaxPayloadLength = 20000;
    public const int MaxWeight = 10_000;
    public const int MaxShare = 10_000;
    public const int MaxUniquenessHours = 24 * 365;

    /// <summary>
    /// Null when the alias has the right form and is not reserved (<see cref="CampaignAlias"/>, the
    /// click path's own rule), else what to fix, as precisely as the editor can say it. Does not check uniqueness.
    /// </summary>
    public static string? CheckAlias(string? alias)
    {
        var a = alias ?? "";
        if (a.Length == 0) return "Choose an alias: it is the path of the tracking link, e.g. summer-sale.";
        if (CampaignAlias.IsReserved(a)) return $"'{a}' is reserved by the tracker; choose another alias.";
        if (a.Length < 2) return "The alias needs at least 2 characters.";
        if (a.Length > 64) return "The alias can have at most 64 characters.";
        if (!CampaignAlias.IsValid(a))
            return "Use lowercase letters, digits, '-' and '_' only, starting with a letter or digit.";
        return null;
    }

    public static ValidationErrors Validate(Campaign campaign, CampaignReferences refs)
    {
        var e = new ValidationErrors();

        var name = campaign.Name ?? "";
        if (name.Trim().Length == 0) e.Add("name", "Give the campaign a name.");
        else if (name.Length > MaxNameLength) e.Add("name", $"Name must be at most {MaxNameLength} characters.");
        else if (name.Any(char.IsControl)) e.Add("name", "Name cannot contain control characters.");

        var aliasError = CheckAlias(campaign.Alias);
        if (aliasError is not null) e.Add("alias", aliasError);
        else if (refs.AliasTaken(campaign.Alias)) e.Add("alias", $"Another campaign already uses '{campaign.Alias}'; choose another alias.");

        if (!Enum.IsDefined(campaign.State)) e.Add("state", "State must be active or archived.");
        if (campaign.UniquenessHours is < 1 or > MaxUniquenessHours)
            e.Add("uniquenessHours", $"The uniqueness window must be between 1 and {MaxUniquenessHours} hours (one year).");

        var streams = campaign.Streams ?? [];
        if (streams.Count > MaxStreams) e.Add("streams", $"A campaign can have at most {MaxStreams} streams.");
        for (var i = 0; i < streams.Count; i++)
            ValidateStream(streams[i], $"streams[{i}]", refs, e);

        var defaults = streams.Select((s, i) => (s, i)).Where(x => x.s.Type == StreamType.Default).ToList();
        foreach (var (_, i) in defaults.Skip(1))
            e.Add($"streams[{i}].type", "Only one stream can be the default: make this one forced or regular.");

        return e;
    }

    private static void ValidateStream(CampaignStream s, string at, CampaignReferences refs, ValidationErrors e)
    {
        var name = s.Name ?? "";
        if (name.Length > MaxNameLength) e.Add($"{at}.name", $"Name must be at most {MaxNameLength} characters.");
        else if (name.Any(char.IsControl)) e.Add($"{at}.name", "Name cannot contain control characters.");

        if (!Enum.IsDefined(s.Type)) e.Add($"{at}.type", "Type must be forced, regular or default.");
        if (!Enum.IsDefined(s.State)) e.Add($"{at}.state", "State must be active or archived.");
        // Only regular streams compete by weight; forced and default streams ignore it.
        if (s.Type == StreamType.Regular && s.Weight is < 0 or > MaxWeight)
            e.Add($"{at}.weight", $"Weight must be between 0 and {MaxWeight}; 0 pauses the stream in the rotation.");

        var filters = s.Filters ?? [];
        if (filters.Count > MaxFiltersPerStream) e.Add($"{at}.filters", $"A stream can have at most {MaxFiltersPerStream} filters.");
        // The default stream is the fallback for everyone the others did not take; a filter on it
        // would leave some visitors with no stream at all, silently.
        if (s.Type == StreamType.Default && filters.Count > 0)
            e.Add($"{at}.filters", "A default stream takes every visitor the other streams did not, so it has no filters: remove them or make the stream forced or regular.");
        for (var f = 0; f < filters.Count; f++)
            ValidateFilter(filters[f], $"{at}.filters[{f}]", e);

        if (!Enum.IsDefined(s.Action))
            e.Add($"{at}.action", "Action must be offers, show_text, status404 or do_nothing.");
        if (s.Action == StreamAction.ShowText && string.IsNullOrWhiteSpace(s.ActionPayload))
            e.Add($"{at}.actionPayload", "Enter the text to show to the visitor.");
        if ((s.ActionPayload?.Length ?? 0) > MaxPayloadLength)
            e.Add($"{at}.actionPayload", $"The text must be at most {MaxPayloadLength} characters.");

        var offers = s.Offers ?? [];
        if (s.Action == StreamAction.Offers && offers.Count == 0)
            e.Add($"{at}.offers", "Add at least one offer to rotate, or choose another action.");
        if (offers.Count > MaxOffersPerStream) e.Add($"{at}.offers", $"A stream can rotate at most {MaxOffersPerStream} offers.");
        var seen = new HashSet<int>();
        for (var o = 0; o < offers.Count; o++)
        {
            var offer = offers[o];
            if (!refs.OfferExists(offer.OfferId)) e.Add($"{at}.offers[{o}].offerId", $"Offer {offer.OfferId} does not exist.");
            else if (!seen.Add(offer.OfferId)) e.Add($"{at}.offers[{o}].offerId", $"Offer {offer.OfferId} is already in this stream; raise its share instead.");
            if (offer.Share is < 1 or > MaxShare)
                e.Add($"{at}.offers[{o}].share", $"Share must be between 1 and {MaxShare}; remove the offer to stop sending traffic to it.");
        }
    }

    private static void ValidateFilter(StreamFilter f, string at, ValidationErrors e)
    {
        if (!StreamFilterTypes.IsKnown(f.Type))
        {
            e.Add($"{at}.type", $"'{f.Type}' is not a filter type this tracker knows; use one of: {string.Join(", ", StreamFilterTypes.Known)}.");
            return;
        }
        if (!Enum.IsDefined(f.Mode)) e.Add($"{at}.mode", "Mode must be include or exclude.");
        var values = f.Values ?? [];
        if (!StreamFilterTypes.TakesValues(f.Type))
        {
            if (values.Count > 0) e.Add($"{at}.values", StreamFilterTypes.CheckValue(f.Type, values[0])!);
            return;
        }
        if (values.Count == 0)
            e.Add($"{at}.values", $"Choose at least one value for {StreamFilterTypes.Describe(f.Type)}, or remove the filter.");
        else if (values.Count > StreamFilterTypes.MaxValues)
            e.Add($"{at}.values", $"A filter can have at most {StreamFilterTypes.MaxValues} values.");
        foreach (var v in values)
        {
            var error = StreamFilterTypes.CheckValue(f.Type, v);
            if (error is not null) e.Add($"{at}.values", error);
        }
    }

    /// <summary>
    /// Trims and lower-cases the alias, trims names, upper-cases and de-duplicates filter values and
    /// numbers the streams in list order, before validating or saving.
    /// </summary>
    public static void Normalize(Campaign campaign)
    {
        campaign.Name = campaign.Name?.Trim() ?? "";
        campaign.Alias = campaign.Alias?.Trim().ToLowerInvariant() ?? "";
        campaign.Streams ??= [];
        for (var i = 0; i < campaign.Streams.Count; i++)
        {
            var s = campaign.Streams[i];
            s.Position = i;
            s.Name = string.IsNullOrWhiteSpace(s.Name) ? $"Stream {i + 1}" : s.Name.Trim();
            s.ActionPayload ??= "";
            s.Offers ??= [];
            s.Filters ??= [];
            foreach (var f in s.Filters)
            {
                f.Type = f.Type?.Trim().ToLowerInvariant() ?? "";
                f.Values = (f.Values ?? []).Select(v => StreamFilterTypes.NormalizeValue(f.Type, v))
                    .Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }
}
