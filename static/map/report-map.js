// The "report a camera" form's map: pick the spot by tapping, dragging or with the keyboard,
// ask the browser for the device's location, or take the position the phone wrote into the
// chosen photo. Everything ends up in the latitude and longitude inputs, which are the form's
// real fields: without this script they are simply typed in. The device's location never
// leaves the browser except in those two fields, and only once the reporter says so.
(function () {
  "use strict";

  // Six decimals of a degree are about 10 cm: more precision than any phone has.
  var DIGITS = 6;
  var CLOSE_ZOOM = 18;

  function setUp() {
    var container = document.getElementById("report-map");
    if (!container) return;
    if (!window.L) {
      // Leaflet did not load: the coordinates' inputs are the way, without an empty box.
      container.hidden = true;
      document.getElementById("report-map-help").hidden = true;
      return;
    }
    var data = container.dataset;
    var latInput = document.getElementById(data.latitudeInput);
    var lngInput = document.getElementById(data.longitudeInput);
    var marker = null;

    var map = L.map(container, { keyboard: true, zoomControl: false }).setView(
      [parseFloat(data.centerLat), parseFloat(data.centerLng)],
      parseInt(data.zoom, 10)
    );
    // The zoom buttons' names in the page's language (Leaflet's own are English).
    L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 19 }).addTo(map);
    map.attributionControl.getContainer().lang = "en"; // the licences' wording (camera-map.js)

    function typedPosition() {
      var lat = parseFloat(latInput.value.replace(",", "."));
      var lng = parseFloat(lngInput.value.replace(",", "."));
      if (isNaN(lat) || isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
      return L.latLng(lat, lng);
    }

    function showMarker(latLng) {
      if (marker) {
        marker.setLatLng(latLng);
        return;
      }
      marker = L.marker(latLng, { draggable: true, keyboard: false }).addTo(map);
      marker.on("dragend", function () {
        fillInputs(marker.getLatLng());
      });
    }

    function fillInputs(latLng) {
      latInput.value = latLng.lat.toFixed(DIGITS);
      lngInput.value = latLng.lng.toFixed(DIGITS);
    }

    function choose(latLng) {
      showMarker(latLng);
      fillInputs(latLng);
    }

    // A spot given in the address (?lat=&lon=) or kept after a form error.
    var initial = typedPosition();
    if (initial) {
      showMarker(initial);
      map.setView(initial, CLOSE_ZOOM);
    }

    map.on("click", function (event) {
      choose(event.latlng);
    });
    // Keyboard users pan with the arrow keys; Enter drops the marker in the middle. An arrow
    // key's pan is animated for a quarter of a second: Enter pressed meanwhile drops the marker
    // where the pan ends, not where it happens to be (the last arrow key would be lost).
    var moving = false;
    map.on("movestart", function () {
      moving = true;
    });
    map.on("moveend", function () {
      moving = false;
    });
    container.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === container) {
        event.preventDefault();
        if (moving) {
          map.once("moveend", function () {
            choose(map.getCenter());
          });
        } else {
          choose(map.getCenter());
        }
      }
    });
    // Typed coordinates move the marker, so people can check them on the map.
    [latInput, lngInput].forEach(function (input) {
      input.addEventListener("change", function () {
        var latLng = typedPosition();
        if (!latLng) return;
        showMarker(latLng);
        map.panTo(latLng);
      });
    });

    setUpLocateButton(map, choose);
    setUpPhotoLocation(map, choose);
  }

  // The photo's own location: its GPS EXIF, read here by the vendored exifr (loaded only once
  // a photo is chosen) before the server re-encodes the photo without it. It is offered, never
  // used silently: the reporter sees where the photo says it was taken and chooses.
  var MAX_PHOTO_BYTES = 20 * 1024 * 1024;

  function loadExifr(src) {
    if (window.exifr) return Promise.resolve(window.exifr);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        if (window.exifr) resolve(window.exifr);
        else reject(new Error("exifr did not load"));
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function photoPosition(file, src) {
    if (!file || file.size > MAX_PHOTO_BYTES || !file.arrayBuffer) return Promise.resolve(null);
    return Promise.all([loadExifr(src), file.arrayBuffer()])
      .then(function (loaded) {
        // An ArrayBuffer, not the File: nothing is fetched, not even a blob: address.
        return loaded[0].gps(loaded[1]);
      })
      .then(function (gps) {
        if (!gps) return null;
        var lat = gps.latitude;
        var lng = gps.longitude;
        if (!isFinite(lat) || !isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
          return null;
        }
        if (lat === 0 && lng === 0) return null; // a phone without a fix writes zeros
        return L.latLng(lat, lng);
      })
      .catch(function () {
        return null; // not a photo exifr reads (PNG, WebP) or no EXIF at all
      });
  }

  function setUpPhotoLocation(map, choose) {
    var box = document.getElementById("report-photo-location");
    var input = box && document.getElementById(box.dataset.photoInput);
    if (!input || !window.Promise) return;
    var status = document.getElementById("report-photo-location-status");
    var button = document.getElementById("report-photo-location-use");
    var found = null;
    box.hidden = false;
    input.addEventListener("change", function () {
      found = null;
      button.hidden = true;
      status.textContent = "";
      var file = input.files && input.files[0];
      if (!file) return;
      status.textContent = box.dataset.reading;
      photoPosition(file, box.dataset.script).then(function (latLng) {
        if (input.files[0] !== file) return; // another photo was chosen meanwhile
        found = latLng;
        if (!latLng) {
          status.textContent = box.dataset.none;
          return;
        }
        status.textContent = box.dataset.found
          .replace("{lat}", latLng.lat.toFixed(DIGITS))
          .replace("{lng}", latLng.lng.toFixed(DIGITS));
        button.hidden = false;
      });
    });
    button.addEventListener("click", function () {
      if (!found) return;
      choose(found);
      map.setView(found, CLOSE_ZOOM);
      // The button goes, and the focus with it, to the page's start for a screen reader:
      // it moves to the message that says what happened instead.
      status.textContent = box.dataset.used;
      status.tabIndex = -1;
      status.focus();
      button.hidden = true;
    });
  }

  function setUpLocateButton(map, choose) {
    var button = document.getElementById("report-locate");
    var status = document.getElementById("report-locate-status");
    if (!button) return;
    if (!("geolocation" in navigator)) {
      button.hidden = true;
      return;
    }
    button.addEventListener("click", function () {
      status.textContent = button.dataset.locating;
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var latLng = L.latLng(position.coords.latitude, position.coords.longitude);
          choose(latLng);
          map.setView(latLng, CLOSE_ZOOM);
          status.textContent = button.dataset.located;
          button.disabled = false;
        },
        function () {
          status.textContent = button.dataset.failed;
          button.disabled = false;
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
      );
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
