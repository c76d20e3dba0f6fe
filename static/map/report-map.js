// The "report a camera" form's map: pick the spot by tapping, dragging or with the keyboard,
// or ask the browser for the device's location. Everything ends up in the latitude and
// longitude inputs, which are the form's real fields: without this script they are simply
// typed in. The device's location never leaves the browser except in those two fields.
(function () {
  "use strict";

  // Six decimals of a degree are about 10 cm: more precision than any phone has.
  var DIGITS = 6;
  var CLOSE_ZOOM = 18;

  function setUp() {
    var container = document.getElementById("report-map");
    if (!container || !window.L) return;
    var data = container.dataset;
    var latInput = document.getElementById(data.latitudeInput);
    var lngInput = document.getElementById(data.longitudeInput);
    var marker = null;

    container.hidden = false;
    document.getElementById("report-map-help").hidden = false;

    var map = L.map(container, { keyboard: true }).setView(
      [parseFloat(data.centerLat), parseFloat(data.centerLng)],
      parseInt(data.zoom, 10)
    );
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 19 }).addTo(map);

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
  }

  function setUpLocateButton(map, choose) {
    var button = document.getElementById("report-locate");
    var status = document.getElementById("report-locate-status");
    if (!button || !("geolocation" in navigator)) return;
    button.hidden = false;
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
