using System.IO.MemoryMappedFiles;

namespace Keel.Data;

/// <summary>
/// A file's bytes as one read-only span, memory-mapped rather than copied. For a 60 MB bar file this is
/// several times faster than File.ReadAllBytes, which must allocate and fill a fresh 60 MB array.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MappedView? _view;
    private readonly int _length;

    public MappedFile(string path)
    {
        var length = ResolvedFile.Of(path).Length;
        if (length > int.MaxValue) throw new IOException($"{path}: files over 2 GB are not supported ({length} bytes)");
        _length = (int)length;
        if (_length == 0) return; // an empty file cannot be mapped, and needs no mapping
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        _view = new MappedView(_map, 0, 0);
    }

    public ReadOnlySpan<byte> Span => _view is null ? default : new(_view.Start, _length);

    public void Dispose()
    {
        _view?.Dispose();
        _map?.Dispose();
    }
}
