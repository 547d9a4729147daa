namespace Keel.Reporting.Html;

/// <summary>
/// The report's stylesheet and its table sorter, written inline so the file works offline and
/// alone: system fonts only, nothing fetched. (The charts' scripts: <see cref="ChartScripts"/>.)
/// </summary>
internal static class PageAssets
{
    public const string Css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --panel: #ffffff; --page: #f5f7fa; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink);
               font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 1320px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 0 0 12px; }
        .subtitle { color: var(--muted); margin: 0 0 20px; }
        section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 20px; }
        .settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 24px; margin: 0; }
        .settings dt { color: var(--muted); }
        .settings dd { margin: 0; font-weight: 600; }
        .table-wrap { overflow-x: auto; }
        table.runs { border-collapse: collapse; width: 100%; font-size: 12.5px; }
        table.runs th, table.runs td { padding: 6px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; text-align: left; }
        table.runs th { background: #f0f3f7; cursor: pointer; user-select: none; white-space: normal; vertical-align: bottom; }
        table.runs th[data-dir="asc"]::after { content: " \25B2"; }
        table.runs th[data-dir="desc"]::after { content: " \25BC"; }
        table.runs td.label { white-space: normal; min-width: 130px; }
        table.runs .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.runs .neg { color: #c0392b; }
        table.runs tbody tr:hover { background: #f7f9fc; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
        .echart { width: 100%; }
        .placeholder { color: var(--muted); font-size: 14px; text-align: center; padding: 40px 0; margin: 0; }
        .note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
        footer.chart-library { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
        footer.chart-library pre { white-space: pre-wrap; font-size: 11px; max-height: 320px; overflow: auto; }
        """;

    /// <summary>Click a header to sort by it; click again to reverse. Numbers compare as numbers.</summary>
    public const string SortScript = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          var headers = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(headers, function (th, column) {
            th.addEventListener("click", function () {
              var ascending = th.getAttribute("data-dir") !== "asc";
              Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("data-dir"); });
              th.setAttribute("data-dir", ascending ? "asc" : "desc");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-v"), y = b.cells[column].getAttribute("data-v");
                var nx = parseFloat(x), ny = parseFloat(y);
                var order = (!isNaN(nx) && !isNaN(ny)) ? (nx === ny ? 0 : nx < ny ? -1 : 1) : x.localeCompare(y);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """;
}
