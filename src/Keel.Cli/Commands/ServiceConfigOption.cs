using System.CommandLine;
using Keel.Alpaca;
using Keel.Live.Config;

namespace Keel.Cli.Commands;

/// <summary>The <c>--config</c> option shared by the service commands, and what is read from it.</summary>
internal static class ServiceConfigOption
{
    public static Option<string> Create() => new("--config")
    {
        Description = "The service's config file (see examples/paper-sim.json).",
        DefaultValueFactory = _ => "keel.json",
    };

    public static LiveSettings Load(string path)
    {
        try
        {
            return LiveConfigLoader.Load(path);
        }
        catch (LiveConfigException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Keys from the environment or .env; the config's URLs win over ALPACA_TRADING_URL / ALPACA_DATA_URL.</summary>
    public static AlpacaOptions Alpaca(LiveSettings settings)
    {
        var options = AlpacaOptions.FromEnvironment();
        options.Paper = settings.Mode == TradingMode.Paper;
        if (settings.TradingUrl is not null) options.TradingBaseUrl = settings.TradingUrl;
        if (settings.DataUrl is not null) options.DataBaseUrl = settings.DataUrl;
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message + " Put the keys in the environment or in a .env file next to where you run keel.");
        }
        return options;
    }
}
