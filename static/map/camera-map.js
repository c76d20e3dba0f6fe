// The camera map: cameras from the public API (/api/cameras.geojson), drawn as circles on one
// canvas so that thousands stay smooth. Each map is a [data-camera-map] element rendered by
// {% camera_map %} (map/templatetags/camera_map_tags.py), which also explains its data- options.
// The page works without this script: its filter form and table are plain HTML.
// The script tag comes with every map; the guard makes it set up only once.
(() => {
  "use strict";
  if (window.kamereCameraMap) return;
  window.kamereCameraMap = true;

  // Cones are a few metres long: invisible, and not worth drawing, further out.
  const CONE_MIN_ZOOM = 16;
  const CONE_LENGTH_M = 30;
  const CONE_HALF_ANGLE = 30;
  const METRES_PER_DEGREE = 111320;
  // How close (in pixels) to the centre a camera must be for Enter to open it.
  const KEYBOARD_REACH = 24;
  // Zooming to a municipality with one camera (or a tiny one) goes no closer than this.
  const MUNICIPALITY_MAX_ZOOM = 16;

  class CameraMap {
    constructor(element) {
      const options = element.dataset;
      this.element = element;
      this.labels = JSON.parse(document.getElementById(options.labels).textContent);
      this.apiUrl = options.api;
      this.form = options.filterForm ? document.getElementById(options.filterForm) : null;
      this.refreshIds = options.refresh ? options.refresh.split(" ") : [];
      this.syncUrl = "syncUrl" in options;
      // Each municipality's box ([south, west, north, east]), where the map zooms to it.
      this.bounds = options.bounds ? JSON.parse(options.bounds) : null;
      this.municipality = this.chosenMunicipality();
      this.statusElement = element.querySelector("[data-camera-map-status]");
      this.demoNotice = element.querySelector("[data-camera-map-demo]");
      this.reportLink = element.querySelector("[data-camera-map-report]");
      this.markers = [];
      this.tileNoticeShown = false;

      const styles = getComputedStyle(element);
      this.colours = {
        facial: styles.getPropertyValue("--camera-facial").trim(),
        other: styles.getPropertyValue("--camera-other").trim(),
      };

      this.map = this.createMap(element.querySelector("[data-camera-map-canvas]"), options);
      this.cameraLayer = L.featureGroup().addTo(this.map);
      this.coneLayer = L.layerGroup();
      this.cameraLayer.on("click", (event) => this.openPopup(event.layer));
      this.map.on("zoomend", () => this.showCones());
      this.map.on("moveend", () => this.viewChanged());
      this.map.on("popupclose", () => this.popupClosed());
      this.map.getContainer().addEventListener("keydown", (event) => this.onKeyDown(event));

      if (this.form) {
        this.form.addEventListener("change", () => this.filtersChanged());
        this.form.addEventListener("submit", (event) => {
          event.preventDefault();
          this.filtersChanged();
          this.closeFilters();
        });
      }
      if (this.syncUrl) {
        // The event's own address: a pan ending meanwhile may already have rewritten the page's.
        window.addEventListener("hashchange", (event) =>
          this.restoreView(this.map, new URL(event.newURL).hash),
        );
      }
      if (this.reportLink) {
        this.reportUrl = this.reportLink.getAttribute("href");
        this.reportLink.querySelector("[hidden]").hidden = false;
      }
      this.viewChanged();
      this.load();
    }

    createMap(container, options) {
      const map = L.map(container, { preferCanvas: true, zoomControl: false });
      L.control
        .zoom({ zoomInTitle: this.labels.zoomIn, zoomOutTitle: this.labels.zoomOut })
        .addTo(map);
      L.tileLayer(options.tiles, { attribution: options.attribution, maxZoom: 19 })
        .on("tileerror", () => this.tilesFailed())
        .addTo(map);
      // One canvas for every camera; `tolerance` widens the spot a finger must hit.
      this.renderer = L.canvas({ tolerance: 6 });
      // Cones in their own pane below the cameras, so they never hide a camera.
      map.createPane("camera-cones").style.zIndex = 390;
      this.coneRenderer = L.canvas({ pane: "camera-cones" });
      this.defaultView = {
        centre: [Number(options.latitude), Number(options.longitude)],
        zoom: Number(options.zoom),
      };
      // A view in the address wins; else the chosen municipality; else the default view.
      if (!(this.syncUrl && this.restoreView(map)) && !this.showMunicipality(map, false)) {
        map.setView(this.defaultView.centre, this.defaultView.zoom);
      }
      return map;
    }

    chosenMunicipality() {
      if (!this.form || !this.form.elements.municipality) return "";
      return this.form.elements.municipality.value;
    }

    // Fit the map to the chosen municipality; false if none is chosen or its place is unknown.
    showMunicipality(map = this.map, animate = true) {
      const box = this.bounds && this.municipality ? this.bounds[this.municipality] : null;
      if (!box) return false;
      const [south, west, north, east] = box;
      map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { maxZoom: MUNICIPALITY_MAX_ZOOM, padding: [24, 24], animate },
      );
      return true;
    }

    // With the filters applied, the panel that lies over the map gets out of the way.
    closeFilters() {
      const panel = this.form.closest("details");
      if (!panel || !panel.open) return;
      panel.open = false;
      panel.querySelector("summary").focus();
    }

    // The view written in the address (#map=zoom/latitude/longitude), if there is a valid one.
    restoreView(map = this.map, hash = location.hash) {
      const match = /^#map=(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(hash);
      if (!match) return false;
      const [zoom, latitude, longitude] = match.slice(1).map(Number);
      if (zoom > 19 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return false;
      map.setView([latitude, longitude], zoom);
      return true;
    }

    filterQuery() {
      const params = this.form
        ? new URLSearchParams(new FormData(this.form))
        : new URLSearchParams(this.element.dataset.filters);
      for (const [name, value] of [...params]) {
        if (!value) params.delete(name);
      }
      return params.toString();
    }

    async load() {
      if (this.loading) this.loading.abort();
      const loading = (this.loading = new AbortController());
      this.say(this.labels.loading);
      let collection;
      try {
        // As the page's <link rel="preload"> asks for it, so that the preloaded answer is used.
        const response = await fetch(`${this.apiUrl}?${this.filterQuery()}`, {
          signal: loading.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        collection = await response.json();
      } catch (error) {
        if (error.name === "AbortError") return;
        // No cameras rather than the previous filter's: they would be taken for these.
        this.draw({ features: [] });
        this.say(this.labels.failed);
        return;
      }
      this.draw(collection);
    }

    draw(collection) {
      this.map.closePopup();
      this.cameraLayer.clearLayers();
      this.coneLayer.clearLayers();
      this.conesDrawn = false;
      this.markers = collection.features.map((feature) => {
        const [longitude, latitude] = feature.geometry.coordinates;
        const marker = L.circleMarker([latitude, longitude], {
          renderer: this.renderer,
          ...this.markerStyle(feature.properties),
        });
        marker.feature = feature;
        return marker;
      });
      this.markers.forEach((marker) => this.cameraLayer.addLayer(marker));
      this.showCones();
      if (collection.attribution) this.credit(collection.attribution);
      if (this.demoNotice) {
        this.demoNotice.hidden = !collection.features.some((feature) => feature.properties.demo);
      }
      const count = this.markers.length.toLocaleString(document.documentElement.lang);
      this.say(this.labels.shown.replace("{count}", count));
      // Leaflet paints the canvas in the next animation frame; this callback runs after it.
      requestAnimationFrame(() => {
        this.element.dataset.camerasDrawn = this.markers.length;
        document.documentElement.dataset.camerasDrawn = this.markers.length;
        performance.mark("cameras-drawn");
      });
    }

    colour(properties) {
      return properties.facial_recognition ? this.colours.facial : this.colours.other;
    }

    // Filled when verified, hollow when only reported; facial recognition red and larger.
    markerStyle(properties) {
      const colour = this.colour(properties);
      const verified = properties.status === "verified";
      return {
        radius: properties.facial_recognition ? 7 : 5,
        color: verified ? "#ffffff" : colour,
        weight: verified ? 1.5 : 3,
        fillColor: verified ? colour : "#ffffff",
        fillOpacity: 1,
      };
    }

    showCones() {
      if (this.map.getZoom() < CONE_MIN_ZOOM) {
        this.coneLayer.remove();
        return;
      }
      if (!this.conesDrawn) {
        for (const marker of this.markers) {
          const properties = marker.feature.properties;
          if (properties.direction === null || properties.direction === undefined) continue;
          L.polygon(cone(marker.getLatLng(), properties.direction), {
            renderer: this.coneRenderer,
            interactive: false,
            stroke: false,
            fillColor: this.colour(properties),
            fillOpacity: 0.35,
          }).addTo(this.coneLayer);
        }
        this.conesDrawn = true;
      }
      this.coneLayer.addTo(this.map);
    }

    openPopup(marker) {
      const content = this.describe(marker.feature);
      this.popup = L.popup({ maxWidth: 280 })
        .setLatLng(marker.getLatLng())
        .setContent(content)
        .openOn(this.map);
      this.popup.getElement().querySelector(".leaflet-popup-close-button").ariaLabel =
        this.labels.close;
      return content;
    }

    // Focus was in the popup when it was opened from the keyboard: give it back to the map.
    popupClosed() {
      if (this.popupFromKeyboard) this.map.getContainer().focus();
      this.popupFromKeyboard = false;
    }

    // The popup's content, as DOM nodes (never HTML from the data).
    describe(feature) {
      const labels = this.labels;
      const properties = feature.properties;
      const content = element("div", "camera-popup");
      content.tabIndex = -1;
      const kind = labels.surveillanceType[properties.surveillance_type];
      content.append(element("h2", "camera-popup__title", kind));
      if (properties.demo) content.append(element("p", "camera-popup__demo", labels.demo));
      const details = element("dl", "camera-popup__details");
      const add = (term, value) => {
        if (value === null || value === undefined || value === "") return;
        details.append(element("dt", "", term), element("dd", "", String(value)));
      };
      const yesNo = (value) => (value ? labels.yes : labels.no);
      add(labels.fields.cameraType, labels.cameraType[properties.camera_type]);
      add(labels.fields.status, labels.status[properties.status]);
      add(labels.fields.municipality, labels.municipalities[properties.municipality]);
      add(labels.fields.facialRecognition, yesNo(properties.facial_recognition));
      add(labels.fields.onPoliceList, yesNo(properties.on_police_list));
      add(labels.fields.firstReported, formatDate(properties.first_reported_at));
      add(labels.fields.verified, formatDate(properties.verified_at));
      if (properties.direction !== null && properties.direction !== undefined) {
        add(labels.fields.direction, labels.degrees.replace("{degrees}", properties.direction));
      }
      content.append(details);
      if (properties.url) {
        const link = element("a", "camera-popup__data", labels.data);
        link.href = properties.url;
        content.append(link);
        this.addDetails(properties.url, details, content);
      }
      return content;
    }

    // The camera's own record holds more (address, model, operator): added once it arrives;
    // the popup does not wait for it.
    async addDetails(url, details, content) {
      let properties;
      try {
        const response = await fetch(url);
        if (!response.ok) return;
        properties = (await response.json()).properties;
      } catch {
        return;
      }
      const labels = this.labels;
      const model = [properties.manufacturer, properties.model].filter(Boolean).join(" ");
      for (const [term, value] of [
        [labels.fields.address, properties.address],
        [labels.fields.model, model],
        [labels.fields.operator, properties.operator],
      ]) {
        if (value) details.append(element("dt", "", term), element("dd", "", value));
      }
      for (const photo of properties.photos || []) {
        const image = element("img", "camera-popup__photo");
        Object.assign(image, { src: photo.url, width: photo.width, height: photo.height });
        image.alt = labels.photo;
        details.before(image);
      }
      if (!content.isConnected) return; // closed, or replaced by another camera's
      // update() puts the content back into the popup, which drops the focus inside it.
      const focused = content.contains(document.activeElement) ? document.activeElement : null;
      this.popup.update();
      if (focused) focused.focus();
    }

    // Keyboard: Enter or Space on the focused map opens the camera at (or nearest) the centre;
    // Escape in the popup closes it (Leaflet only listens while the map itself has focus).
    onKeyDown(event) {
      const onMap = event.target === this.map.getContainer();
      if (event.key === "Escape" && !onMap && this.popup && this.popup.isOpen()) {
        this.map.closePopup();
        return;
      }
      if (!onMap || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      const centre = this.map.latLngToContainerPoint(this.map.getCenter());
      let nearest = null;
      let nearestDistance = KEYBOARD_REACH;
      for (const marker of this.markers) {
        const distance = centre.distanceTo(this.map.latLngToContainerPoint(marker.getLatLng()));
        if (distance <= nearestDistance) {
          nearest = marker;
          nearestDistance = distance;
        }
      }
      if (!nearest) {
        this.say(this.labels.nothingHere);
        return;
      }
      this.openPopup(nearest).focus();
      this.popupFromKeyboard = true;
    }

    viewChanged() {
      const centre = this.map.getCenter();
      if (this.reportLink) {
        const spot = { lat: centre.lat.toFixed(6), lon: centre.lng.toFixed(6) };
        this.reportLink.href = `${this.reportUrl}?${new URLSearchParams(spot)}`;
      }
      this.writeUrl();
    }

    filtersChanged() {
      const municipality = this.chosenMunicipality();
      if (this.bounds && municipality !== this.municipality) {
        this.municipality = municipality;
        // Back to the whole city when the choice is "all municipalities".
        if (!this.showMunicipality()) {
          this.map.setView(this.defaultView.centre, this.defaultView.zoom);
        }
      }
      this.load();
      this.writeUrl();
      this.refresh();
    }

    // The view and the filters in the address, so that it can be shared and reopened.
    writeUrl() {
      if (!this.syncUrl || !this.map) return;
      const centre = this.map.getCenter();
      const url = new URL(location.href);
      url.search = this.filterQuery();
      url.hash = `map=${this.map.getZoom()}/${centre.lat.toFixed(5)}/${centre.lng.toFixed(5)}`;
      history.replaceState(null, "", url);
    }

    // Reload the page parts that depend on the filters (the table), from the server.
    async refresh() {
      if (!this.refreshIds.length) return;
      if (this.refreshing) this.refreshing.abort();
      const refreshing = (this.refreshing = new AbortController());
      let page;
      try {
        const response = await fetch(`${location.pathname}?${this.filterQuery()}`, {
          signal: refreshing.signal,
        });
        if (!response.ok) return;
        page = new DOMParser().parseFromString(await response.text(), "text/html");
      } catch {
        return;
      }
      for (const id of this.refreshIds) {
        const fresh = page.getElementById(id);
        const current = document.getElementById(id);
        if (fresh && current) current.replaceWith(document.adoptNode(fresh));
      }
    }

    // The data's attribution (for example OpenStreetMap's, for imported cameras), without the
    // parts the tiles' attribution already gives.
    credit(attribution) {
      const control = this.map.attributionControl;
      if (this.dataAttribution) control.removeAttribution(this.dataAttribution);
      const shown = control.getContainer().textContent;
      const parts = attribution.split(";").map((part) => part.trim());
      this.dataAttribution = escapeHtml(parts.filter((part) => !shown.includes(part)).join("; "));
      if (this.dataAttribution) control.addAttribution(this.dataAttribution);
    }

    tilesFailed() {
      if (this.tileNoticeShown) return;
      this.tileNoticeShown = true;
      const notice = element("p", "camera-map__tiles-failed", this.labels.tilesFailed);
      this.statusElement.after(notice);
    }

    say(message) {
      this.statusElement.textContent = message;
    }
  }

  // A sector of CONE_LENGTH_M metres around `direction` (degrees clockwise from north).
  function cone(latlng, direction) {
    const metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos((latlng.lat * Math.PI) / 180);
    const points = [latlng];
    for (let step = -CONE_HALF_ANGLE; step <= CONE_HALF_ANGLE; step += 10) {
      const radians = ((direction + step) * Math.PI) / 180;
      points.push([
        latlng.lat + (CONE_LENGTH_M * Math.cos(radians)) / METRES_PER_DEGREE,
        latlng.lng + (CONE_LENGTH_M * Math.sin(radians)) / metresPerDegreeLongitude,
      ]);
    }
    return points;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function escapeHtml(text) {
    return element("span", "", text).innerHTML;
  }

  function formatDate(value) {
    if (!value) return null;
    return new Date(value).toLocaleDateString(document.documentElement.lang, {
      year: "numeric",
      month: "long",
      day: "numeric",
    });
  }

  function setUp() {
    document.querySelectorAll("[data-camera-map]").forEach((element) => new CameraMap(element));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
