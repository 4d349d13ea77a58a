using Tracker.Core.Reports;

namespace Tracker.Web.Reports;

/// <summary>
/// The memory a report sums its groups in, kept between reports and handed to the next one: the
/// group table, the counters, the interned text keys and the sort buffers. A report therefore
/// allocates (almost) nothing per row. The tables that grow with the number of groups live outside
/// the managed heap (<see cref="NativeBuffer{T}"/>): growing them starts no collection, which would
/// stop the click path, and freeing them returns the memory to the system at once.
/// </summary>
/// <remarks>
/// A workspace that grew past <see cref="MaxKeptGroups"/> groups (a report over tens of thousands of
/// distinct sub_id_1 values) is freed after its report instead of kept, so one big report does not
/// hold its memory (about 180 bytes a group) for ever.
/// </remarks>
internal sealed class ReportWorkspace : IDisposable
{
    /// <summary>Workspaces with room for more groups than this are freed after the report.</summary>
    public const int MaxKeptGroups = 1 << 16;

    /// <summary>One per report thread (<see cref="LowPriorityWork"/> runs two).</summary>
    private const int KeptWorkspaces = 2;

    private static readonly Lock Gate = new();
    private static readonly Stack<ReportWorkspace> Free = new();

    public readonly NativeBuffer<GroupKey> Keys = new(256);
    public readonly NativeBuffer<ReportCounters> Counters = new(256);
    private readonly NativeBuffer<int> _slots = new(512); // open addressing: group + 1, 0 = empty
    private readonly NativeBuffer<int> _order = new(256);
    public int Count;
    public readonly TextKeys Texts = new();
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

    /// <summary>Clears it and keeps it for the next report, or frees it when it grew big.</summary>
    public static void Return(ReportWorkspace workspace)
    {
        if (workspace.Keys.Length > MaxKeptGroups || workspace.Texts.Bytes > 64 * MaxKeptGroups)
        {
            workspace.Dispose();
            return;
        }
        workspace.Clear();
        lock (Gate)
        {
            if (Free.Count < KeptWorkspaces)
            {
                Free.Push(workspace);
                return;
            }
        }
        workspace.Dispose();
    }

    private void Clear()
    {
        _slots.Clear(_slots.Length);
        Count = 0;
        Texts.Clear();
    }

    /// <summary>The index of the group with this key, added with zero counters if new.</summary>
    public int GroupOf(in GroupKey key)
    {
        var mask = _slots.Length - 1;
        for (var i = Hash(key) & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot == 0)
            {
                if ((Count + 1) * 2 > _slots.Length)
                {
                    GrowSlots();
                    return GroupOf(key);
                }
                if (Count == Keys.Length)
                {
                    Keys.Resize(Count * 2);
                    Counters.Resize(Count * 2);
                }
                Keys[Count] = key;
                Counters[Count] = default;
                slot = Count + 1;
                return Count++;
            }
            if (Keys[slot - 1] == key) return slot - 1;
        }
    }

    /// <summary>A buffer for <paramref name="length"/> group indexes; its old contents are not kept.</summary>
    public Span<int> Order(int length)
    {
        if (_order.Length < length) _order.Resize(Math.Max(length, _order.Length * 2));
        return _order.AsSpan(0, length);
    }

    private void GrowSlots()
    {
        var length = _slots.Length * 2;
        _slots.Resize(length);
        _slots.Clear(length);
        var mask = length - 1;
        for (var g = 0; g < Count; g++)
        {
            var i = Hash(Keys[g]) & mask;
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = g + 1;
        }
    }

    private static int Hash(in GroupKey key) => HashCode.Combine(key.A, key.B, key.C) & int.MaxValue;

    /// <summary>A buffer of at least <paramref name="length"/> items; its old contents are not kept.</summary>
    public static T[] Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
        return array;
    }

    public void Dispose()
    {
        Keys.Dispose();
        Counters.Dispose();
        _slots.Dispose();
        _order.Dispose();
        Texts.Dispose();
    }
}
