// The event page's small map (templates/campaigns/event_page.html): one marker on the place.
// The address and the directions links beside it say the same without the map.
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll("[data-event-map]").forEach(function (element) {
      var position = [
        parseFloat(element.getAttribute("data-latitude")),
        parseFloat(element.getAttribute("data-longitude")),
      ];
      // No wheel zoom: scrolling the page over the map must keep scrolling the page.
      var map = L.map(element, { scrollWheelZoom: false, zoomControl: false }).setView(
        position,
        16,
      );
      // The zoom buttons' names in the page's language (Leaflet's own are English).
      L.control
        .zoom({
          zoomInTitle: element.getAttribute("data-zoom-in"),
          zoomOutTitle: element.getAttribute("data-zoom-out"),
        })
        .addTo(map);
      L.tileLayer(element.getAttribute("data-tiles"), {
        attribution: element.getAttribute("data-attribution"),
        maxZoom: 19,
      }).addTo(map);
      // A vector marker: Leaflet's image marker finds its picture by a path that hashed
      // static file names break.
      L.circleMarker(position, {
        radius: 10,
        weight: 3,
        color: "#14213d",
        fillColor: "#ffc53d",
        fillOpacity: 1,
      }).addTo(map);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
