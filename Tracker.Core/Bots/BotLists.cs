namespace Tracker.Core.Bots;

/// <summary>
/// The bot lists the classifier is built from, read from text files: one entry a line, <c>#</c> starts
/// a comment (a whole line or the rest of one), blank lines are ignored. A list with a bad line is
/// refused as a whole, with every bad line named, so a typo never silently drops a list.
/// </summary>
public sealed class BotLists
{
    /// <summary>Shorter user-agent entries would match ordinary browsers ("bot" alone is in "Cubot" phones, for one).</summary>
    public const int MinUserAgentLength = 3;

    public const int MaxUserAgentLength = 200;

    public List<BotUserAgentEntry> UserAgents { get; } = [];

    public List<BotIpRangeEntry> Ranges { get; } = [];

    /// <summary>Adds the user-agent entries of one list; returns its errors ("line 4: …"), empty when it was added.</summary>
    public IReadOnlyList<string> AddUserAgents(string source, IEnumerable<string> lines)
    {
        var errors = new List<string>();
        var entries = new List<BotUserAgentEntry>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var text = Content(line);
            if (text.Length == 0) continue;
            if (text.Length < MinUserAgentLength)
                errors.Add($"line {number}: '{text}' is too short; an entry needs at least {MinUserAgentLength} characters, or it would match ordinary browsers.");
            else if (text.Length > MaxUserAgentLength)
                errors.Add($"line {number}: the entry is longer than {MaxUserAgentLength} characters.");
            else if (text.Any(char.IsControl))
                errors.Add($"line {number}: the entry contains a control character.");
            else
                entries.Add(new BotUserAgentEntry(text, source));
        }
        if (errors.Count == 0) UserAgents.AddRange(entries);
        return errors;
    }

    /// <summary>Adds the ranges of one list (CIDR or single addresses, IPv4 and IPv6); returns its errors, empty when it was added.</summary>
    public IReadOnlyList<string> AddRanges(string source, IEnumerable<string> lines)
    {
        var errors = new List<string>();
        var entries = new List<BotIpRangeEntry>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var text = Content(line);
            if (text.Length == 0) continue;
            var error = IpRange.TryParse(text, out var range);
            if (error is not null) errors.Add($"line {number}: {error}");
            else entries.Add(new BotIpRangeEntry(range, source));
        }
        if (errors.Count == 0) Ranges.AddRange(entries);
        return errors;
    }

    private static string Content(string line)
    {
        var hash = line.IndexOf('#');
        return (hash < 0 ? line : line[..hash]).Trim();
    }
}
