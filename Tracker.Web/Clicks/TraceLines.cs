using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tracker.Core.Clicks;
using Tracker.Web.Data;

namespace Tracker.Web.Clicks;

/// <summary>
/// How a stored decision trace names a shared sentence (<see cref="TraceLine"/>), and how it is read
/// back in full. In the <c>clicks.Trace</c> column a step is either its text (a JSON string) or the id
/// of a <see cref="TraceLine"/> (a JSON number); the click writer decides which
/// (<see cref="TraceLineInterner"/>). Loaded through EF Core, an id arrives as a reference
/// (<see cref="Reference"/>) until <see cref="ResolveAsync"/> replaces it with the sentence.
/// </summary>
public static class TraceLines
{
    // Never the first character of a sentence: every trace step starts with the tracker's own words.
    private const char Marker = '\0';

    /// <summary>The in-memory stand-in for the shared sentence <paramref name="id"/> until it is resolved.</summary>
    public static string Reference(long id) => Marker + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="step"/> is a reference to a shared sentence, not the sentence.</summary>
    public static bool IsReference(string step, out long id)
    {
        id = 0;
        return step.Length > 1 && step[0] == Marker
            && long.TryParse(step.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>Replaces every reference in the click's trace with its sentence (one query, none when there are none).</summary>
    public static async Task ResolveAsync(TrackerDbContext db, Click click, CancellationToken ct)
    {
        var ids = new List<long>();
        foreach (var step in click.Trace)
            if (IsReference(step, out var id) && !ids.Contains(id)) ids.Add(id);
        if (ids.Count == 0) return;
        var texts = await db.TraceLines.AsNoTracking()
            .Where(l => ids.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Text, ct);
        for (var i = 0; i < click.Trace.Count; i++)
            if (IsReference(click.Trace[i], out var id))
                click.Trace[i] = texts.TryGetValue(id, out var text) ? text : $"(Step #{id} of this trace is missing from trace_lines.)";
    }
}
