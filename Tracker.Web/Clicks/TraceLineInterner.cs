using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tracker.Web.Data;

namespace Tracker.Web.Clicks;

/// <summary>
/// Decides, for the click writer, which decision-trace sentences are stored once and named by id
/// (<see cref="TraceLine"/>) instead of being repeated in every click row. A sentence is shared the
/// second time the writer sees it: the stream and offer sentences of a campaign recur on nearly every
/// click, while a sentence holding the click's own subid (the redirect's URL) never recurs and stays in
/// the row. About two thirds of a click row was its trace, most of it such repeated sentences; naming
/// them keeps rows small, which is fewer pages for each commit to write and a smaller database on disk.
/// </summary>
/// <remarks>
/// Used by the click writer's thread only, inside its transactions: a sentence added in a transaction
/// that rolls back is forgotten with it (<see cref="RolledBack"/>). The ids in memory are bounded
/// (<see cref="MaxKnown"/>); past that they are forgotten and sentences are added again as they recur,
/// which costs one row each. A process starts knowing none and adds the sentences it sees: the table
/// grows by what recurs, not by clicks.
/// </remarks>
internal sealed class TraceLineInterner : IDisposable
{
    /// <summary>Shorter sentences are kept in the row: an id would save next to nothing.</summary>
    public const int MinLength = 24;

    /// <summary>Shared sentences whose ids the writer keeps in memory.</summary>
    public const int MaxKnown = 50_000;

    private const int SeenSlots = 1 << 16;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _knownBySpan;
    private readonly List<string> _addedInTransaction = [];
    // Hashes of sentences seen once, one per slot: a sentence is shared when it comes again while its
    // hash is still in its slot. A rare collision only shares a sentence that did not recur (harmless).
    private readonly int[] _seen = new int[SeenSlots];
    private byte[] _utf8 = new byte[1024];

    public TraceLineInterner(sqlite3 db)
    {
        _db = db;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, "INSERT INTO trace_lines (Text) VALUES (?1)", out _insert), _db);
        _knownBySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The id under which <paramref name="sentence"/> is stored, adding it when it recurs; false to keep it in the row.</summary>
    public bool TryGetId(ReadOnlySpan<char> sentence, out long id)
    {
        id = 0;
        // Short sentences are never shared, so they cost no lookup.
        if (sentence.Length < MinLength) return false;
        if (_knownBySpan.TryGetValue(sentence, out id)) return true;
        var hash = string.GetHashCode(sentence) | 1;
        ref var slot = ref _seen[hash & (SeenSlots - 1)];
        if (slot != hash)
        {
            slot = hash;
            return false;
        }
        id = Add(sentence);
        return true;
    }

    private long Add(ReadOnlySpan<char> sentence)
    {
        if (_known.Count >= MaxKnown) _known.Clear();
        var needed = Encoding.UTF8.GetMaxByteCount(sentence.Length);
        if (_utf8.Length < needed) _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(sentence, _utf8);
        try
        {
            SqliteException.ThrowExceptionForRC(SqliteNative.BindText(_insert, 1, _utf8.AsSpan(0, length)), _db);
            var rc = raw.sqlite3_step(_insert);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_insert);
        }
        var id = raw.sqlite3_last_insert_rowid(_db);
        var text = sentence.ToString();
        _known[text] = id;
        _addedInTransaction.Add(text);
        return id;
    }

    /// <summary>The transaction committed: the sentences it added are stored for good.</summary>
    public void Committed() => _addedInTransaction.Clear();

    /// <summary>The transaction rolled back: the sentences it added are not stored, so their ids are forgotten.</summary>
    public void RolledBack()
    {
        foreach (var text in _addedInTransaction) _known.Remove(text);
        _addedInTransaction.Clear();
    }

    public void Dispose() => _insert.Dispose();
}
