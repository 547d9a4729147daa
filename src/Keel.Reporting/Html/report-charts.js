// Draws each chart of the report with the chart library inlined above: every div.echart takes the option written
// as JSON in the script element right after it. The options are data only (built in Keel.Reporting), so this is all.
(function () {
  var charts = [];
  document.querySelectorAll("div.echart").forEach(function (el) {
    var option = JSON.parse(el.nextElementSibling.textContent);
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    charts.push(chart);
  });
  // Says the charts are drawn (tests wait for this, not for a time).
  document.body.setAttribute("data-charts-drawn", String(charts.length));
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
