namespace Keel.Live.Config;

/// <summary>The <c>dashboard</c> section: the service serves the dashboard itself, so one process is enough on a VM.</summary>
internal sealed partial class LiveConfigFile
{
    public DashboardSection? Dashboard { get; set; }

    internal sealed class DashboardSection
    {
        /// <summary>The port on 127.0.0.1 (read-only, as <c>keel dashboard</c> without options); another address needs <c>keel dashboard --bind</c> and its token.</summary>
        public int? Port { get; set; }
    }
}
