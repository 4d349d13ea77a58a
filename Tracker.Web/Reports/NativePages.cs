using System.Runtime.InteropServices;

namespace Tracker.Web.Reports;

/// <summary>Anonymous memory mappings on Linux, for <see cref="NativeBuffer{T}"/>.</summary>
internal static unsafe class NativePages
{
    public const nuint Size = 4096;
    public static readonly void* Failed = (void*)-1;

    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MremapMayMove = 1;

    /// <summary>New zeroed pages, or <see cref="Failed"/>.</summary>
    public static void* Map(nuint bytes) => Mmap(null, bytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);

    /// <summary>The mapping grown (or shrunk) in place or moved, contents kept, new pages zero; or <see cref="Failed"/>.</summary>
    public static void* Remap(void* address, nuint oldBytes, nuint newBytes) => Mremap(address, oldBytes, newBytes, MremapMayMove);

    public static void Unmap(void* address, nuint bytes) => Munmap(address, bytes);

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern void* Mmap(void* addr, nuint length, int prot, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "mremap", SetLastError = true)]
    private static extern void* Mremap(void* oldAddress, nuint oldSize, nuint newSize, int flags);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static extern int Munmap(void* addr, nuint length);
}
