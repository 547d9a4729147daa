using System.IO.MemoryMappedFiles;

namespace Keel.Data;

/// <summary>A read-only view of part of a memory-mapped file, as a pointer to its first byte, held until disposed.</summary>
internal sealed unsafe class MappedView : IDisposable
{
    private readonly MemoryMappedViewAccessor _view;

    /// <param name="length">Bytes from <paramref name="offset"/>; 0 for the rest of the file.</param>
    public MappedView(MemoryMappedFile map, long offset, long length)
    {
        _view = map.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Start = pointer + _view.PointerOffset; // the view begins on a page boundary at or before the offset
    }

    public byte* Start { get; }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
    }
}
