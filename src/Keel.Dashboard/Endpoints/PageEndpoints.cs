using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace Keel.Dashboard.Endpoints;

/// <summary>The page addresses: each serves the one page shell, whose script draws the page its path names.</summary>
internal static class PageEndpoints
{
    public static readonly string[] Pages = ["/", "/positions", "/strategies", "/journal", "/alerts", "/backtests", "/run"];

    public static void Map(IEndpointRouteBuilder app, IFileProvider assets)
    {
        foreach (var page in Pages)
            app.MapGet(page, () => Results.Stream(assets.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8"));
    }
}
