// The moderation queue's map: the reports on the page (orange, with their 30 m circle), other
// pending reports near them that are on another page (orange rings), dashed lines joining
// reports that may be the same camera, and the existing cameras near them (blue). Each marker
// links to its report or camera, so the list below stays the place where decisions are made
// (it names the same neighbours); the map is an overview.
(function () {
  "use strict";

  var REPORT_COLOUR = "#c2410c";
  var CAMERA_COLOUR = "#1d4ed8";

  function link(href, text) {
    // Built as elements, not HTML strings: labels come from citizens' data.
    var anchor = document.createElement("a");
    anchor.href = href;
    anchor.textContent = text;
    return anchor;
  }

  function setUp() {
    var container = document.getElementById("moderation-map");
    var source = document.getElementById("moderation-map-data");
    if (!container || !source || !window.L) return;
    var data = JSON.parse(source.textContent);
    if (!data.reports.length) return;

    container.hidden = false;
    var map = L.map(container);
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 19 }).addTo(map);
    var bounds = L.latLngBounds([]);

    data.cameras.forEach(function (camera) {
      L.circleMarker([camera.lat, camera.lon], {
        radius: 6,
        color: CAMERA_COLOUR,
        fillColor: CAMERA_COLOUR,
        fillOpacity: 0.8,
      })
        .bindPopup(link(camera.url, camera.label))
        .addTo(map);
    });
    (data.links || []).forEach(function (pair) {
      L.polyline(pair, { color: REPORT_COLOUR, weight: 2, dashArray: "4 4", interactive: false }).addTo(map);
    });
    data.reports.forEach(function (report) {
      var position = [report.lat, report.lon];
      if (report.onThisPage) {
        L.circle(position, { radius: data.radius, color: REPORT_COLOUR, weight: 1, fill: false }).addTo(map);
      }
      L.circleMarker(position, {
        radius: 8,
        color: REPORT_COLOUR,
        weight: 3,
        fillColor: report.onThisPage ? REPORT_COLOUR : "#ffffff",
        fillOpacity: 0.9,
      })
        .bindPopup(link(report.url, report.label))
        .addTo(map);
      bounds.extend(position);
    });
    map.fitBounds(bounds.pad(0.1), { maxZoom: 18 });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
