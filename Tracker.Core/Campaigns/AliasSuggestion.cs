using System.Globalization;
using System.Text;

namespace Tracker.Core.Campaigns;

/// <summary>
/// A tracking-link alias suggested from a campaign's name ("Winter Sale — DE" → <c>winter-sale-de</c>): lower
/// case, accents dropped, anything else between words a single dash, at most 64 characters. The user can
/// always edit it; the validator still has the last word.
/// </summary>
public static class AliasSuggestion
{
    public static string FromName(string? name)
    {
        var decomposed = (name ?? "").Trim().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var alias = slug.ToString().Trim('-');
        if (alias.Length > 64) alias = alias[..64].TrimEnd('-');
        return alias.Length < 2 || CampaignValidator.CheckAlias(alias) is not null ? "" : alias;
    }
}
