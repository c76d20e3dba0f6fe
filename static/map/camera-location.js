// A camera's page (templates/map/camera_page.html): a small map of where the camera is, with
// the camera marked and, where known, the direction it faces. One camera, no data to fetch:
// only the map tiles come from elsewhere. Without this script no-js.css hides the map's place
// and the coordinates beside it say where in words.
(() => {
  "use strict";

  // As the camera map draws a camera's cone (static/map/camera-map.js).
  const CONE_LENGTH_M = 30;
  const CONE_HALF_ANGLE = 30;
  const METRES_PER_DEGREE = 111320;

  function cone(latitude, longitude, direction) {
    const metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180);
    const points = [[latitude, longitude]];
    for (let step = -CONE_HALF_ANGLE; step <= CONE_HALF_ANGLE; step += 10) {
      const radians = ((direction + step) * Math.PI) / 180;
      points.push([
        latitude + (CONE_LENGTH_M * Math.cos(radians)) / METRES_PER_DEGREE,
        longitude + (CONE_LENGTH_M * Math.sin(radians)) / metresPerDegreeLongitude,
      ]);
    }
    return points;
  }

  function show(container) {
    const data = container.dataset;
    const latitude = Number(data.latitude);
    const longitude = Number(data.longitude);
    // Scrolling the page over the map scrolls the page; zoom is the buttons' or the keys'.
    const map = L.map(container, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
    map.setView([latitude, longitude], Number(data.zoom));
    // Colours come from the stylesheet (SVG classes), as the page's CSP allows no inline style.
    if (data.direction) {
      L.polygon(cone(latitude, longitude, Number(data.direction)), {
        className: "camera-page__cone",
        interactive: false,
        stroke: false,
      }).addTo(map);
    }
    L.circleMarker([latitude, longitude], {
      className: "camera-page__marker",
      interactive: false,
      radius: 9,
    }).addTo(map);
  }

  function setUp() {
    const containers = document.querySelectorAll("[data-camera-location]");
    if (!window.L) {
      // Leaflet did not load: the coordinates in words say where, without an empty box.
      containers.forEach((container) => {
        container.hidden = true;
      });
      return;
    }
    containers.forEach(show);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
