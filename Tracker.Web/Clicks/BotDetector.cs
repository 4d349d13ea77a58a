using System.Net;
using Microsoft.Extensions.Options;
using Tracker.Core.Bots;
using Tracker.Core.Clicks;
using Tracker.Web.Options;

namespace Tracker.Web.Clicks;

/// <summary>
/// The click path's bot classifier, built once at start-up from the bundled lists in <c>BotData/</c>
/// and the operator's lists (<c>Tracker:Bots</c>). A list that cannot be read or has a bad line stops
/// the start-up naming the file and the line: a silently dropped list would let bots through. (A
/// missing bundled list is only a warning, as the bundled country database is.)
/// </summary>
public sealed class BotDetector
{
    public const string BundledUserAgents = "BotData/bot-user-agents.txt";
    public const string BundledRanges = "BotData/datacenter-ranges.txt";

    public BotDetector(IOptions<ClickTrackingOptions> options, ILogger<BotDetector> logger)
    {
        var config = options.Value.Bots;
        var lists = new BotLists();
        var errors = new List<string>();
        if (config.UseBundledLists)
        {
            foreach (var (file, add) in new (string, Func<string, IEnumerable<string>, IReadOnlyList<string>>)[]
                     { (BundledUserAgents, lists.AddUserAgents), (BundledRanges, lists.AddRanges) })
            {
                var path = Path.Combine(AppContext.BaseDirectory, file);
                // As with the bundled country database: a build without the file still tracks, and says so.
                if (File.Exists(path)) Load(path, "bundled " + Path.GetFileName(file), add, errors);
                else logger.LogWarning("The bundled bot list {Path} is missing: bot detection works without it. Reinstall, or set Tracker:Bots:UseBundledLists to false", path);
            }
        }
        foreach (var path in config.UserAgentLists.Where(p => !string.IsNullOrWhiteSpace(p)))
            Load(Path.GetFullPath(path), Path.GetFileName(path), lists.AddUserAgents, errors);
        foreach (var path in config.IpRangeLists.Where(p => !string.IsNullOrWhiteSpace(p)))
            Load(Path.GetFullPath(path), Path.GetFileName(path), lists.AddRanges, errors);
        if (errors.Count > 0)
            throw new OptionsValidationException(nameof(ClickTrackingOptions.Bots), typeof(ClickTrackingOptions), errors);

        Classifier = new BotClassifier(lists);
        logger.LogInformation("Bot detection: empty user agents, {UserAgents} bot user-agent entries, {V4} IPv4 and {V6} IPv6 datacenter ranges",
            Classifier.UserAgentCount, Classifier.V4RangeCount, Classifier.V6RangeCount);
    }

    public BotClassifier Classifier { get; }

    public BotVerdict Classify(string userAgent, IPAddress? address) => Classifier.Classify(userAgent, address);

    private static void Load(string path, string name, Func<string, IEnumerable<string>, IReadOnlyList<string>> add, List<string> errors)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"Tracker:Bots: the list '{path}' cannot be read ({ex.Message}). Fix the path in Tracker:Bots or remove it.");
            return;
        }
        foreach (var error in add(name, lines))
            errors.Add($"Tracker:Bots: {path}, {error}");
    }
}
