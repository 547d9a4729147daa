namespace Keel.AlpacaSim.Http;

/// <summary>One request the sim answered (or aborted): what tests check to prove a retry happened or did not.</summary>
public sealed record SimRequest(string Method, string Path, string Query, int Status, bool Aborted);

/// <summary>The sim's request log, newest last.</summary>
public sealed class SimRequestLog
{
    private readonly Lock _lock = new();
    private readonly List<SimRequest> _requests = [];

    public void Add(SimRequest request)
    {
        lock (_lock) _requests.Add(request);
    }

    public IReadOnlyList<SimRequest> All()
    {
        lock (_lock) return _requests.ToList();
    }

    public void Clear()
    {
        lock (_lock) _requests.Clear();
    }
}
