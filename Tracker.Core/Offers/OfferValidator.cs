using Tracker.Core.Amounts;
using Tracker.Core.Geo;
using Tracker.Core.Validation;

namespace Tracker.Core.Offers;

/// <summary>
/// The one place an offer is checked, shared by the admin UI and the API. Keys are the API's field
/// names; messages say what to do.
/// </summary>
public static class OfferValidator
{
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 4000;
    public const int MaxNotesLength = 20000;

    /// <summary>The largest daily conversion cap.</summary>
    public const int MaxDailyCap = 10_000_000;

    public static ValidationErrors Validate(Offer offer, OfferReferences refs)
    {
        var e = new ValidationErrors();

        var name = offer.Name?.Trim() ?? "";
        if (name.Length == 0) e.Add("name", "Give the offer a name.");
        else if (name.Length > MaxNameLength) e.Add("name", $"Name must be at most {MaxNameLength} characters.");
        else if (name.Any(char.IsControl)) e.Add("name", "Name cannot contain control characters.");

        if (!offer.IsLocal || !string.IsNullOrWhiteSpace(offer.Url))
        {
            var urlError = UrlRules.CheckOfferUrl(offer.Url);
            if (urlError is not null) e.Add("url", urlError);
        }

        if (offer.GroupId is { } g && !refs.GroupExists(g)) e.Add("groupId", $"Group {g} does not exist.");
        if (offer.AffiliateNetworkId is { } n && !refs.NetworkExists(n)) e.Add("affiliateNetworkId", $"Affiliate network {n} does not exist.");

        foreach (var c in offer.Countries ?? [])
            if (!CountryCode.IsValid(c)) e.Add("countries", $"'{c}' is not an ISO 3166 country code (e.g. DE, US).");

        if (!CurrencyCode.IsValid(offer.PayoutCurrency))
            e.Add("payoutCurrency", "Choose a currency as a three-letter ISO 4217 code (e.g. USD, EUR).");
        if (offer.PayoutMicros < 0) e.Add("payoutValue", "Payout cannot be negative.");
        if (offer.PayoutMicros > Money.ToMicros(Money.MaxAmount)) e.Add("payoutValue", "Payout is too large.");
        if (offer.PayoutType == PayoutType.Cpc && offer.PayoutAuto)
            e.Add("payoutAuto", "CPC revenue is added when the visitor is sent, before any postback: set a fixed payout amount.");

        var cap = offer.ConversionCap ?? new ConversionCap();
        if (cap.Enabled)
        {
            if (cap.DailyLimit < 1) e.Add("conversionCap.dailyLimit", "The daily cap must be at least 1 conversion.");
            if (cap.DailyLimit > MaxDailyCap) e.Add("conversionCap.dailyLimit", "The daily cap is too large.");
            if (!TimeZones.IsValid(cap.TimeZone)) e.Add("conversionCap.timeZone", $"'{cap.TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin).");
        }
        if (cap.AlternativeOfferId is { } alt)
        {
            if (offer.Id != 0 && alt == offer.Id) e.Add("conversionCap.alternativeOfferId", "An offer cannot be its own alternative: choose another offer.");
            else if (!refs.OfferExists(alt)) e.Add("conversionCap.alternativeOfferId", $"Offer {alt} does not exist.");
        }

        if ((offer.Notes?.Length ?? 0) > MaxNotesLength) e.Add("notes", $"Notes must be at most {MaxNotesLength} characters.");
        return e;
    }

    /// <summary>Trims and upper-cases codes and removes duplicates before validating or saving.</summary>
    public static void Normalize(Offer offer)
    {
        offer.Name = offer.Name?.Trim() ?? "";
        offer.Url = offer.Url?.Trim() ?? "";
        offer.Countries = (offer.Countries ?? []).Select(CountryCode.Normalize).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        offer.PayoutCurrency = CurrencyCode.Normalize(offer.PayoutCurrency);
        offer.ConversionCap ??= new ConversionCap();
        offer.ConversionCap.TimeZone = string.IsNullOrWhiteSpace(offer.ConversionCap.TimeZone) ? "UTC" : offer.ConversionCap.TimeZone.Trim();
        offer.Notes ??= "";
    }
}
