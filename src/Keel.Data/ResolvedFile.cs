namespace Keel.Data;

/// <summary>
/// A data file as the file it finally is: a symbolic link is followed to its target, whose length and
/// write time are the data's (the link's own length is that of the path it holds).
/// </summary>
internal static class ResolvedFile
{
    public static FileInfo Of(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
    }
}
