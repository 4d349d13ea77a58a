using System.Runtime.InteropServices;

namespace Tracker.Web.Reports;

/// <summary>
/// A growable array of plain structs outside the managed heap, for a report's group table. Growing
/// it makes no garbage and starts no collection (a managed array of this size would go to the large
/// object heap, count against its budget and, through the full collections that budget starts, stop
/// the click path); freeing it gives the memory straight back to the operating system, so the RSS
/// after a report over hundreds of thousands of groups falls back at once.
/// </summary>
/// <remarks>
/// On Linux the memory is an anonymous mapping grown with <c>mremap</c> (no copy); elsewhere it comes
/// from <see cref="NativeMemory"/>. The finalizer only guards against a workspace that was never
/// disposed.
/// </remarks>
internal sealed unsafe class NativeBuffer<T> : IDisposable where T : unmanaged
{
    private T* _items;
    private nuint _bytes;

    public NativeBuffer(int length) => Resize(length);

    ~NativeBuffer() => Free();

    public int Length { get; private set; }

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length) ThrowOutOfRange(index);
            return ref _items[index];
        }
    }

    public Span<T> AsSpan(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start)) ThrowOutOfRange(start + length);
        return new Span<T>(_items + start, length);
    }

    /// <summary>Makes room for <paramref name="length"/> items; the first <see cref="Length"/> keep their values, new ones are zero.</summary>
    public void Resize(int length)
    {
        var bytes = (nuint)Math.Max(1, length) * (nuint)sizeof(T);
        if (OperatingSystem.IsLinux())
        {
            bytes = (bytes + NativePages.Size - 1) & ~(NativePages.Size - 1);
            var grown = _items is null
                ? NativePages.Map(bytes)
                : NativePages.Remap(_items, _bytes, bytes);
            if (grown == NativePages.Failed) throw new OutOfMemoryException($"A report needed {bytes} bytes more and the system refused (errno {Marshal.GetLastPInvokeError()}).");
            _items = (T*)grown; // new anonymous pages read as zero
        }
        else
        {
            var grown = (T*)NativeMemory.Realloc(_items, bytes);
            if (bytes > _bytes) NativeMemory.Clear((byte*)grown + _bytes, bytes - _bytes);
            _items = grown;
        }
        _bytes = bytes;
        Length = length;
    }

    /// <summary>Sets the first <paramref name="count"/> items back to zero.</summary>
    public void Clear(int count) => AsSpan(0, Math.Min(count, Length)).Clear();

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (_items is null) return;
        if (OperatingSystem.IsLinux()) NativePages.Unmap(_items, _bytes);
        else NativeMemory.Free(_items);
        _items = null;
        _bytes = 0;
        Length = 0;
    }

    private static void ThrowOutOfRange(int index) => throw new IndexOutOfRangeException($"Index {index} is outside the report buffer.");
}
