namespace Tracker.Core.Clicks;

/// <summary>
/// The routing decision of one click in plain sentences (streams tried, the filter that said no,
/// the offer chosen and why), stored with the click so the admin can see why a visitor went where.
/// </summary>
public sealed class DecisionTrace
{
    private List<string> _lines = new(8);

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string sentence) => _lines.Add(sentence);

    public void AddRange(IEnumerable<string> sentences) => _lines.AddRange(sentences);

    /// <summary>A copy for storing on the click.</summary>
    public List<string> ToList() => [.. _lines];

    /// <summary>Hands the sentences over for storing on the click without copying them; the trace starts empty again.</summary>
    public List<string> Release()
    {
        var lines = _lines;
        _lines = new(8);
        return lines;
    }
}
