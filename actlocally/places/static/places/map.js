// Places maps: Leaflet over the app's own GeoJSON, no tiles. Every map reads its settings from
// data attributes; the page works without it (tables and checkboxes say the same).
(function () {
  "use strict";
  var COLOURS = ["#67000d", "#a50f15", "#cb181d", "#ef3b2c", "#fb6a4a", "#fc9272", "#fcbba1", "#fee0d2", "#fff5f0", "#ffffff"];
  var POINTS = { school: "#1d70b8", group: "#00703c", vcse: "#00703c", venue: "#4c2c92", service: "#f47738", person: "#d53880" };

  function colour(decile) { return decile ? COLOURS[decile - 1] : "#dddddd"; }

  // Names come from uploads and from what people typed: a label is a text node, never markup
  // (Leaflet puts a string tooltip in as HTML).
  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function draw(el) {
    var map = L.map(el, { attributionControl: true, zoomSnap: 0.25 });
    map.attributionControl.setPrefix("").addAttribution("Contains OS data © Crown copyright and database right; ONS, MHCLG (OGL v3.0)");
    var select = el.dataset.select ? document.getElementById(el.dataset.select) : null;
    function box(id) { return select ? select.querySelector('input[value="' + CSS.escape(String(id)) + '"]') : null; }
    fetch(el.dataset.geojson, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, {
        style: function (f) {
          var p = f.properties, chosen = box(p.id) && box(p.id).checked;
          if (p.kind === "lsoa") { return { color: "#0b0c0c", weight: 2, fillColor: "#ffdd00", fillOpacity: 0.25 }; }
          return { color: chosen ? "#0b0c0c" : "#505a5f", weight: chosen ? 3 : 0.6, fillColor: colour(p.decile), fillOpacity: 0.85 };
        },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 7, color: "#0b0c0c", weight: 1, fillColor: POINTS[f.properties.kind] || "#0b0c0c", fillOpacity: 0.9 });
        },
        onEachFeature: function (f, l) {
          var p = f.properties, text = String(p.name || "") + (p.code ? " (" + p.code + ")" : "");
          if (p.decile) { text += " – decile " + p.decile; }
          if (p.detail) { text += " – " + p.detail; }
          l.bindTooltip(label(text));
          if (select && p.id) {
            l.on("click", function () {
              var input = box(p.id);
              if (input) { input.checked = !input.checked; layer.resetStyle(l); }
            });
          }
        }
      }).addTo(map);
      if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); } else { map.setView([53.8, -1.75], 11); }
    });
    if (el.dataset.pick) {
      var ids = el.dataset.pick.split(","), marker = null;
      map.on("click", function (e) {
        document.getElementById(ids[0]).value = e.latlng.lat.toFixed(5);
        document.getElementById(ids[1]).value = e.latlng.lng.toFixed(5);
        if (marker) { marker.setLatLng(e.latlng); } else { marker = L.marker(e.latlng).addTo(map); }
      });
    }
  }

  document.querySelectorAll(".app-map[data-geojson]").forEach(draw);
})();
