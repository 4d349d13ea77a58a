using System.Text.RegularExpressions;

namespace Tracker.Core.Offers;

/// <summary>Checks on URLs and URL fragments users type into the admin.</summary>
public static partial class UrlRules
{
    [GeneratedRegex(@"\{_?[a-z0-9_]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex MacroPattern();

    /// <summary>Null when the URL is an absolute http/https URL (macros allowed), else what to fix.</summary>
    public static string? CheckOfferUrl(string? url)
    {
        var text = url?.Trim() ?? "";
        if (text.Length == 0) return "Enter the offer URL, e.g. https://network.example/click?o=77.";
        if (text.Length > OfferValidator.MaxUrlLength) return $"URL must be at most {OfferValidator.MaxUrlLength} characters.";
        if (text.Any(c => char.IsControl(c) || c == ' ')) return "URL cannot contain spaces or control characters; encode them (%20).";
        // Macros are placeholders: check the URL with a sample value in their place.
        var sample = MacroPattern().Replace(text, "x");
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            return "URL must be absolute and start with http:// or https://.";
        return null;
    }

    /// <summary>Null when the network's offer parameters are usable, else what to fix.</summary>
    public static string? CheckOfferParameters(string? parameters)
    {
        var text = parameters?.Trim() ?? "";
        if (text.Length == 0) return null;
        if (text.Length > 2000) return "Offer parameters must be at most 2000 characters.";
        if (text.Any(c => char.IsControl(c) || c == ' ')) return "Offer parameters cannot contain spaces or control characters.";
        if (text[0] is not ('&' or '?' or '/'))
            return "Start with '&' for query parameters (e.g. &sub1={subid}) or '/' for a path segment (e.g. /{subid}).";
        if (text.Contains('#')) return "Offer parameters cannot contain '#'.";
        return null;
    }

    /// <summary>Whether the text carries the click's subid, without which postbacks cannot work.</summary>
    public static bool CarriesSubId(string? text) =>
        text is not null && (text.Contains("{subid}", StringComparison.OrdinalIgnoreCase) || text.Contains("{_subid}", StringComparison.OrdinalIgnoreCase));
}
