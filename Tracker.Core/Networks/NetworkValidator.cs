using Tracker.Core.Offers;
using Tracker.Core.Security;
using Tracker.Core.Validation;

namespace Tracker.Core.Networks;

public static class NetworkValidator
{
    public static ValidationErrors Validate(AffiliateNetwork network)
    {
        var e = new ValidationErrors();
        var name = network.Name?.Trim() ?? "";
        if (name.Length == 0) e.Add("name", "Give the network a name.");
        else if (name.Length > 200) e.Add("name", "Name must be at most 200 characters.");
        else if (name.Any(char.IsControl)) e.Add("name", "Name cannot contain control characters.");
        var p = UrlRules.CheckOfferParameters(network.OfferParameters);
        if (p is not null) e.Add("offerParameters", p);
        if ((network.PostbackParameters?.Length ?? 0) > 2000) e.Add("postbackParameters", "Postback parameters must be at most 2000 characters.");
        if ((network.Notes?.Length ?? 0) > 20000) e.Add("notes", "Notes must be at most 20000 characters.");
        IpAllowList.Parse(network.PostbackAllowedIps, e, "postbackAllowedIps");
        return e;
    }

    public static void Normalize(AffiliateNetwork network)
    {
        network.Name = network.Name?.Trim() ?? "";
        network.OfferParameters = network.OfferParameters?.Trim() ?? "";
        network.PostbackParameters = network.PostbackParameters?.Trim() ?? "";
        network.Notes ??= "";
        // Stored normalized (one entry a line) when valid; invalid text stays as typed for the error message.
        var ipErrors = new ValidationErrors();
        var allowList = IpAllowList.Parse(network.PostbackAllowedIps, ipErrors, "postbackAllowedIps");
        network.PostbackAllowedIps = ipErrors.IsValid ? allowList.ToString() : network.PostbackAllowedIps?.Trim() ?? "";
    }
}
