// Draws every chart on the page: an element with data-vega-spec="<url>" gets the Vega-Lite spec
// at that address (same origin, the page's own permission check) drawn inside it as SVG; one
// with data-vega-spec-id="<id>" the spec in the page's JSON data block of that id (a chart
// frozen with the page, such as an agreed Statement of Intent's).
// No inline script and no eval: expressions go through vega's interpreter, ready for a CSP.
(function () {
  "use strict";
  function load(element) {
    var id = element.getAttribute("data-vega-spec-id");
    if (id) {
      return new Promise(function (resolve) {
        resolve(JSON.parse(document.getElementById(id).textContent));
      });
    }
    var url = element.getAttribute("data-vega-spec");
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
  }
  function draw(element) {
    load(element)
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
  document.querySelectorAll("[data-vega-spec], [data-vega-spec-id]").forEach(draw);
})();
