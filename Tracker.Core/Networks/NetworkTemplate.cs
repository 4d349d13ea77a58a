namespace Tracker.Core.Networks;

/// <summary>
/// A ready-made setup for a well-known affiliate network (or network platform): how it wants the
/// click's subid on offer links, and how its postback maps its own macros onto Tracker's postback
/// parameters (<c>subid</c>, <c>payout</c>, <c>status</c> …).
/// </summary>
/// <param name="Key">Stable identifier stored on networks created from this template.</param>
/// <param name="Name">The network's name as affiliates know it.</param>
/// <param name="OfferParameters">Appended to every offer URL of the network, e.g. <c>&amp;sub1={subid}</c>.</param>
/// <param name="PostbackParameters">
/// Query appended to this tracker's postback URL; the values in braces (or #…#, [[[…]]]) are the
/// network's own macros, which the network fills in when it calls the postback.
/// </param>
/// <param name="Description">Where the template fits and what the network's status words mean.</param>
public sealed record NetworkTemplate(string Key, string Name, string OfferParameters, string PostbackParameters, string Description)
{
    /// <summary>A new network pre-filled from this template; the user reviews it before saving.</summary>
    public AffiliateNetwork ToNetwork() => new()
    {
        Name = Name,
        OfferParameters = OfferParameters,
        PostbackParameters = PostbackParameters,
        TemplateKey = Key,
        Notes = Description,
    };

    /// <summary>Case-insensitive match of every word against the name, key, parameters and description.</summary>
    public bool Matches(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return true;
        var haystack = $"{Name} {Key} {OfferParameters} {Description}";
        return search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(word => haystack.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
