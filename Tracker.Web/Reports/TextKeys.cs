using System.Text;

namespace Tracker.Web.Reports;

/// <summary>
/// Text keys (country, source, keyword, sub_id_1…5) interned by their UTF-8 bytes: each distinct value
/// is stored once in a byte arena and named by a number, so reading a row makes no string.
/// </summary>
internal sealed class TextKeys : IDisposable
{
    // Outside the managed heap, like the group table (NativeBuffer): they grow with distinct values.
    private readonly NativeBuffer<byte> _arena = new(4096);
    private int _used;
    private readonly NativeBuffer<int> _starts = new(256);
    private readonly NativeBuffer<int> _lengths = new(256);
    private readonly NativeBuffer<int> _hashes = new(256);
    private int _count;
    private readonly NativeBuffer<int> _table = new(512); // open addressing: id + 1, 0 = empty

    /// <summary>Bytes held in the arena (how big this workspace has grown).</summary>
    public int Bytes => _arena.Length;

    public void Clear()
    {
        if (_count > 0) _table.Clear(_table.Length);
        _used = 0;
        _count = 0;
    }

    public void Dispose()
    {
        _arena.Dispose();
        _starts.Dispose();
        _lengths.Dispose();
        _hashes.Dispose();
        _table.Dispose();
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
        if (_used + text.Length > _arena.Length) _arena.Resize(Math.Max(_arena.Length * 2, _used + text.Length));
        if (_count == _starts.Length)
        {
            _starts.Resize(_count * 2);
            _lengths.Resize(_count * 2);
            _hashes.Resize(_count * 2);
        }
        text.CopyTo(_arena.AsSpan(_used, text.Length));
        _starts[_count] = _used;
        _lengths[_count] = text.Length;
        _hashes[_count] = hash;
        _used += text.Length;
        _table[slot] = _count + 1;
        return _count++;
    }

    private void Grow()
    {
        var length = _table.Length * 2;
        _table.Resize(length);
        _table.Clear(length);
        var mask = length - 1;
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
