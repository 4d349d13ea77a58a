using System.Runtime.InteropServices;
using System.Text;
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

/// <summary>A group's key: one code per grouping level (a period index, an id, or an interned text).</summary>
internal readonly record struct GroupKey(long A, long B, long C)
{
    public long this[int level] => level switch { 0 => A, 1 => B, _ => C };
}

/// <summary>
/// Text keys (country, source, keyword, sub_id_1…5) interned by their UTF-8 bytes: each distinct value
/// is stored once in a byte arena and named by a number, so reading a row makes no string.
/// </summary>
internal sealed class TextKeys
{
    private byte[] _arena = new byte[4096];
    private int _used;
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];
    private int[] _hashes = new int[256];
    private int _count;
    private int[] _table = new int[512]; // open addressing: id + 1, 0 = empty

    /// <summary>Bytes held in the arena (how big this workspace has grown).</summary>
    public int Bytes => _arena.Length;

    public void Clear()
    {
        if (_count > 0) Array.Clear(_table);
        _used = 0;
        _count = 0;
    }

    public int Intern(ReadOnlySpan<byte> text)
    {
        var hash = HashOf(text);
        var mask = _table.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _table[i];
            if (slot == 0)
            {
                if ((_count + 1) * 2 > _table.Length)
                {
                    Grow();
                    return Intern(text);
                }
                return Add(text, hash, i);
            }
            var id = slot - 1;
            if (_hashes[id] == hash && _arena.AsSpan(_starts[id], _lengths[id]).SequenceEqual(text)) return id;
        }
    }

    public ReadOnlySpan<byte> Utf8(int id) => _arena.AsSpan(_starts[id], _lengths[id]);

    public string Text(int id) => Encoding.UTF8.GetString(Utf8(id));

    /// <summary>The text as UTF-16 in <paramref name="buffer"/> (grown if needed), for ordinal comparison as strings compare.</summary>
    public ReadOnlySpan<char> Chars(int id, ref char[] buffer)
    {
        var utf8 = Utf8(id);
        ReportWorkspace.Ensure(ref buffer, utf8.Length);
        var n = Encoding.UTF8.GetChars(utf8, buffer);
        return buffer.AsSpan(0, n);
    }

    private int Add(ReadOnlySpan<byte> text, int hash, int slot)
    {
        if (_used + text.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + text.Length));
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
        }
        text.CopyTo(_arena.AsSpan(_used));
        _starts[_count] = _used;
        _lengths[_count] = text.Length;
        _hashes[_count] = hash;
        _used += text.Length;
        _table[slot] = _count + 1;
        return _count++;
    }

    private void Grow()
    {
        _table = new int[_table.Length * 2];
        var mask = _table.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var i = _hashes[id] & mask;
            while (_table[i] != 0) i = (i + 1) & mask;
            _table[i] = id + 1;
        }
    }

    private static int HashOf(ReadOnlySpan<byte> text)
    {
        var h = new HashCode();
        h.AddBytes(text);
        return h.ToHashCode() & int.MaxValue;
    }
}
