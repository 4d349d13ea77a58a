using Tracker.Core.Offers;
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
        return e;
    }

    public static void Normalize(AffiliateNetwork network)
    {
        network.Name = network.Name?.Trim() ?? "";
        network.OfferParameters = network.OfferParameters?.Trim() ?? "";
        network.PostbackParameters = network.PostbackParameters?.Trim() ?? "";
        network.Notes ??= "";
    }
}
