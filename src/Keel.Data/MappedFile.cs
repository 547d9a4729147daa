using System.IO.MemoryMappedFiles;

namespace Keel.Data;

/// <summary>
/// A file's bytes as one read-only span, memory-mapped rather than copied. For a 60 MB bar file this is
/// several times faster than File.ReadAllBytes, which must allocate and fill a fresh 60 MB array.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _start;
    private readonly int _length;

    public MappedFile(string path)
    {
        var length = ResolvedFile.Of(path).Length;
        if (length > int.MaxValue) throw new IOException($"{path}: files over 2 GB are not supported ({length} bytes)");
        _length = (int)length;
        if (_length == 0) return; // an empty file cannot be mapped, and needs no mapping
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + _view.PointerOffset;
    }

    public ReadOnlySpan<byte> Span => new(_start, _length);

    public void Dispose()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map!.Dispose();
    }
}
