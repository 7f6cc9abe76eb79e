// Draws every chart of the page from the JSON block #mlbuild-charts with Vega-Lite and Vega (inlined above), as
// SVG, then marks the root element data-charts="rendered" ("failed" and a console error if any chart could not be drawn).
(function () {
  "use strict";
  var root = document.documentElement;
  var config = {
    font: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif",
    view: { stroke: "#e5e7eb" },
    axis: { labelColor: "#374151", titleColor: "#374151", gridColor: "#f3f4f6" },
    legend: { labelLimit: 260 },
    header: { labelFontWeight: 600 }
  };
  function fail(error) {
    console.error("MlBuild report: a chart could not be drawn: " + (error && error.stack || error));
    root.setAttribute("data-charts", "failed");
  }
  try {
    var charts = JSON.parse(document.getElementById("mlbuild-charts").textContent);
    Promise.all(charts.map(function (chart) {
      var figure = document.getElementById(chart.id);
      var body = figure && figure.querySelector(".chart-body");
      if (!body) throw new Error("no figure for chart " + chart.id);
      var spec = Object.assign({ config: config, background: null, padding: 4 }, chart.spec);
      var compiled = vegaLite.compile(spec).spec;
      var view = new vega.View(vega.parse(compiled), { renderer: "svg", container: body, hover: true });
      return view.runAsync();
    })).then(function () { root.setAttribute("data-charts", "rendered"); }, fail);
  } catch (error) {
    fail(error);
  }
})();
