// A small map of one place, marked: a camera's page (templates/map/camera_page.html, with the
// direction it faces) and an event's (templates/campaigns/event_page.html). Each map is an
// element with data-point-map and what differs in data- attributes:
//   data-latitude, data-longitude, data-zoom   where, and how close
//   data-tiles, data-attribution                the site's tile server (settings.MAP_TILE_URL)
//   data-zoom-in, data-zoom-out                 the zoom buttons' names in the page's language
//   data-marker-class                           the marker's class (its colours, in site.css)
//   data-direction, data-cone-class             optional: a cone towards the direction (degrees
//                                               clockwise from north), as the camera map draws
// No data to fetch: only the tiles come from elsewhere. The text beside each map (coordinates,
// the address and directions) says the same without it; without Leaflet the box is hidden.
// What every small map shares (its zoom buttons, tiles and credit, and how the page sets them
// up) is on window.kamereSmallMaps, which the walk page's map uses too (static/map/walk-map.js,
// loaded after this file).
(() => {
  "use strict";

  // As the camera map draws a camera's cone (static/map/camera-map.js).
  const CONE_LENGTH_M = 30;
  const CONE_HALF_ANGLE = 30;
  const METRES_PER_DEGREE = 111320;
  const MARKER_RADIUS = 10;

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

  // A small map in `container`, from its data-tiles, data-attribution, data-zoom-in and
  // data-zoom-out; the caller sets its view.
  function smallMap(container) {
    const data = container.dataset;
    // Scrolling the page over the map scrolls the page; zoom is the buttons' or the keys'.
    const map = L.map(container, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
    // The tiles' credit without Leaflet's English prefix, as on the camera map (camera-map.js).
    map.attributionControl.setPrefix(false);
    map.attributionControl.getContainer().lang = "en"; // the licences' wording (camera-map.js)
    return map;
  }

  // Once the page is read, `draw` each element `selector` finds. Without Leaflet, they are
  // hidden instead, and those `alsoHidden` finds (what speaks of the map): the text or form
  // beside each map says the same, without an empty box.
  function setUpAll(selector, draw, alsoHidden) {
    function setUp() {
      const containers = document.querySelectorAll(selector);
      if (!window.L) {
        containers.forEach((container) => {
          container.hidden = true;
        });
        if (alsoHidden) {
          document.querySelectorAll(alsoHidden).forEach((element) => {
            element.hidden = true;
          });
        }
        return;
      }
      containers.forEach(draw);
    }

    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }

  window.kamereSmallMaps = { smallMap, setUpAll };

  function show(container) {
    const data = container.dataset;
    const latitude = Number(data.latitude);
    const longitude = Number(data.longitude);
    const map = smallMap(container);
    map.setView([latitude, longitude], Number(data.zoom));
    // Colours come from the stylesheet (SVG classes), as the page's CSP allows no inline style.
    if (data.direction) {
      L.polygon(cone(latitude, longitude, Number(data.direction)), {
        className: data.coneClass,
        interactive: false,
        stroke: false,
      }).addTo(map);
    }
    // A vector marker: Leaflet's image marker finds its picture by a path that hashed static
    // file names break.
    L.circleMarker([latitude, longitude], {
      className: data.markerClass,
      interactive: false,
      radius: MARKER_RADIUS,
    }).addTo(map);
  }

  setUpAll("[data-point-map]", show);
})();
