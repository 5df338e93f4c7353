// Draws every chart on the page: an element with data-vega-spec="<url>" gets the Vega-Lite spec
// at that address (same origin, the page's own permission check) drawn inside it as SVG.
// No inline script and no eval: expressions go through vega's interpreter, ready for a CSP.
(function () {
  "use strict";
  function draw(element) {
    var url = element.getAttribute("data-vega-spec");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      })
      .then(function (spec) {
        return window.vegaEmbed(element, spec, {
          actions: false,
          ast: true,
          renderer: "svg",
          tooltip: false,
          defaultStyle: false,
        });
      })
      .then(function () {
        element.setAttribute("data-vega-drawn", "true");
      })
      .catch(function () {
        // The table beside the chart has the same numbers: say so rather than fail silently.
        element.setAttribute("data-vega-drawn", "failed");
        element.textContent = element.getAttribute("data-vega-failed") || "";
      });
  }
  document.querySelectorAll("[data-vega-spec]").forEach(draw);
})();
