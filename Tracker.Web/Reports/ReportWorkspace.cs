using System.Runtime.InteropServices;
using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>
/// The memory a report sums its groups in, kept between reports and handed to the next one: the
/// group table, the counters, the interned text keys and the sort buffers. A report therefore
/// allocates (almost) nothing per row, and its large arrays — which would go to the large object heap
/// and, through its budget, start blocking full collections that stop the click path — are allocated
/// once, when a report first needs that many groups, instead of on every run.
/// </summary>
/// <remarks>
/// Arrays of plain structs cost a collection nothing to keep (the GC does not scan them). A workspace
/// that grew past <see cref="MaxKeptGroups"/> groups (a report over hundreds of thousands of distinct
/// sub_id_1 values; about 45 MB at the limit) is not kept, and of those over <see cref="BigGroups"/> only
/// one is, so one unusual report does not hold its memory for ever.
/// </remarks>
internal sealed class ReportWorkspace
{
    /// <summary>Workspaces bigger than this many groups are dropped after the report.</summary>
    public const int MaxKeptGroups = 1 << 18;

    /// <summary>Workspaces with room for more groups than this are "big": at most one of them is kept.</summary>
    public const int BigGroups = 1 << 16;

    /// <summary>One per report thread (<see cref="LowPriorityWork"/> runs two).</summary>
    private const int KeptWorkspaces = 2;

    private static readonly Lock Gate = new();
    private static readonly Stack<ReportWorkspace> Free = new();

    public readonly Dictionary<GroupKey, int> Groups = [];
    public GroupKey[] Keys = new GroupKey[256];
    public ReportCounters[] Counters = new ReportCounters[256];
    public int Count;
    public readonly TextKeys Texts = new();
    public int[] Order = new int[256];
    public int[] Heap = new int[64];
    public char[] Left = new char[256];
    public char[] Right = new char[256];
    public long[] RebillIds = new long[64];
    public RebillFact[] Rebills = new RebillFact[64];

    /// <summary>A cleared workspace: one kept from an earlier report, or a new one.</summary>
    public static ReportWorkspace Rent()
    {
        lock (Gate)
        {
            if (Free.TryPop(out var kept)) return kept;
        }
        return new ReportWorkspace();
    }

    /// <summary>Clears it and keeps it for the next report (at most one per report thread is ever out at once).</summary>
    public static void Return(ReportWorkspace workspace)
    {
        if (workspace.Keys.Length > MaxKeptGroups || workspace.Texts.Bytes > 64 * MaxKeptGroups) return;
        workspace.Clear();
        lock (Gate)
        {
            if (Free.Count >= KeptWorkspaces) return;
            if (workspace.Keys.Length > BigGroups)
                foreach (var kept in Free)
                    if (kept.Keys.Length > BigGroups) return;
            Free.Push(workspace);
        }
    }

    private void Clear()
    {
        Groups.Clear();
        Count = 0;
        Texts.Clear();
    }

    /// <summary>The index of the group with this key, added with zero counters if new.</summary>
    public int GroupOf(in GroupKey key)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(Groups, key, out var exists);
        if (exists) return index;
        if (Count == Keys.Length)
        {
            Array.Resize(ref Keys, Count * 2);
            Array.Resize(ref Counters, Count * 2);
        }
        Keys[Count] = key;
        Counters[Count] = default;
        index = Count;
        return Count++;
    }

    /// <summary>A buffer of at least <paramref name="length"/> items; its old contents are not kept.</summary>
    public static T[] Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
        return array;
    }
}
