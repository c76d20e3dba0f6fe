// The walk page's map (templates/map/walk.html, map/streets/views.py): tap where you start,
// then where you are going, and the page is asked again with those two points (?from=&to=,
// latitude,longitude as /api/walk.json takes them), so that the server lists both walks and
// the address can be shared. The walks the page lists come in a JSON script element
// (data-walk: its id) and are drawn here, the shortest as a solid line, the least-watched as a
// dashed one (their classes in site.css), so that they differ in more than colour.
// The map is set up as the small maps' (window.kamereSmallMaps, from static/js/point-map.js,
// which the page loads first); without Leaflet it is hidden and the form of two street names
// asks the same.
(() => {
  "use strict";

  const { smallMap, setUpAll } = window.kamereSmallMaps;

  // Belgrade, where no street has been imported yet.
  const FALLBACK_VIEW = [[44.81, 20.46], 13];
  const MARKER_RADIUS = 9;
  const ROUTE_PADDING = [24, 24];

  function marker(latlng, className, label) {
    return L.circleMarker(latlng, { className, radius: MARKER_RADIUS, interactive: false }).bindTooltip(
      label,
      { permanent: true, direction: "top", offset: [0, -MARKER_RADIUS] },
    );
  }

  function show(container) {
    const data = container.dataset;
    const walk = JSON.parse(document.getElementById(data.walk).textContent);
    const status = document.querySelector("[data-walk-status]");
    const map = smallMap(container);

    const drawn = L.featureGroup().addTo(map);
    walk.routes.forEach((route) => {
      L.polyline(
        route.coordinates.map(([longitude, latitude]) => [latitude, longitude]),
        { className: `walk-line walk-line--${route.kind}`, interactive: false },
      ).addTo(drawn);
    });
    if (walk.from) marker(walk.from, "walk-marker walk-marker--start", data.startLabel).addTo(drawn);
    if (walk.to) marker(walk.to, "walk-marker walk-marker--end", data.endLabel).addTo(drawn);
    if (walk.routes.length) {
      map.fitBounds(drawn.getBounds(), { padding: ROUTE_PADDING });
    } else if (walk.bounds) {
      map.fitBounds(walk.bounds);
    } else {
      map.setView(...FALLBACK_VIEW);
    }
    container.dataset.walksDrawn = String(walk.routes.length);

    let start = null;
    map.on("click", (event) => {
      const point = `${event.latlng.lat.toFixed(6)},${event.latlng.lng.toFixed(6)}`;
      if (start === null) {
        // A new start: what was drawn belongs to the last two points.
        drawn.clearLayers();
        start = point;
        marker(event.latlng, "walk-marker walk-marker--start", data.startLabel).addTo(drawn);
        status.textContent = data.next;
        return;
      }
      marker(event.latlng, "walk-marker walk-marker--end", data.endLabel).addTo(drawn);
      status.textContent = data.finding;
      const url = new URL(window.location.href);
      url.search = new URLSearchParams({ from: start, to: point }).toString();
      url.hash = "walk-routes";
      window.location.assign(url.toString());
    });
  }

  // Without Leaflet, the map's help line goes with it: the form below asks the same.
  setUpAll("[data-walk-map]", show, "[data-walk-status]");
})();
