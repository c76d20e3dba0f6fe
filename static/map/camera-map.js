// The camera map: cameras from the public API (/api/cameras.geojson), drawn as circles on one
// canvas so that thousands stay smooth. Cameras close together on the screen are drawn as one
// circle with their number, a group, until the map is zoomed in far enough to tell them apart:
// supercluster (static/vendor/supercluster/) works the groups out, for the view only. Each map is a [data-camera-map] element rendered by
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
  // Groups: cameras within GROUP_RADIUS pixels of each other, up to GROUP_MAX_ZOOM; from the
  // next zoom level on (where cones show, too) every camera is drawn on its own.
  const GROUP_RADIUS = 48;
  const GROUP_MAX_ZOOM = CONE_MIN_ZOOM - 1;
  // A found street or camera is shown this close; "near me" a little further out.
  const PLACE_ZOOM = 18;
  const LOCATION_ZOOM = 16;
  const MAX_PLACES = 8;
  // The first cameras wait for the first tiles (at most this long): the street map is what
  // tells a reader where they are, and painting it first shows the map sooner on a slow phone.
  const FIRST_TILES_WAIT_MS = 1500;

  // A group: a circle with the number of its cameras, painted on the cameras' canvas.
  const GroupMarker = L.CircleMarker.extend({
    _updatePath() {
      L.CircleMarker.prototype._updatePath.call(this);
      const renderer = this._renderer;
      if (!renderer._drawing || this._empty()) return;
      const context = renderer._ctx;
      context.font = `bold ${this.options.fontSize}px system-ui, sans-serif`;
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.fillStyle = this.options.textColour;
      context.fillText(this.options.text, this._point.x, this._point.y + 0.5);
    },
  });

  class CameraMap {
    constructor(element) {
      const options = element.dataset;
      this.element = element;
      this.labels = JSON.parse(document.getElementById(options.labels).textContent);
      this.apiUrl = options.api;
      // "script=cyrillic" on a Cyrillic page: the cameras' addresses in the reader's script.
      this.apiScript = options.apiScript || "";
      this.cameraPageUrl = options.cameraPage;
      this.reportFormUrl = options.report;
      // Framed on another site (the embed), our pages may not show in the frame.
      this.linkTarget = window.top === window ? "" : "_blank";
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
      this.features = [];
      this.groups = null;
      this.tileNoticeShown = false;

      const styles = getComputedStyle(element);
      this.colours = {
        facial: styles.getPropertyValue("--camera-facial").trim(),
        other: styles.getPropertyValue("--camera-other").trim(),
        group: styles.getPropertyValue("--camera-group").trim() || "#14213d",
        here: styles.getPropertyValue("--camera-here").trim() || "#1a66d2",
        retired: styles.getPropertyValue("--camera-retired").trim() || "#6b6b6b",
      };

      this.map = this.createMap(element.querySelector("[data-camera-map-canvas]"), options);
      // The legend is open beside a large map (a desktop's), where it covers little of it; a
      // phone's map keeps its corner, with the legend a tap away.
      const key = element.querySelector("[data-camera-map-key]");
      const size = this.map.getSize();
      if (key && size.x >= 900 && size.y >= 480) {
        key.open = true;
      } else if (key) {
        // Open, it covers half of a phone's map: touching or dragging the map puts it away.
        this.map.on("click dragstart", () => {
          key.open = false;
        });
      }
      this.cameraLayer = L.featureGroup().addTo(this.map);
      this.coneLayer = L.layerGroup();
      this.cameraLayer.on("click", (event) => this.choose(event.layer));
      this.map.on("zoomend", () => this.showCones());
      this.map.on("moveend", () => {
        this.drawView();
        this.viewChanged();
      });
      this.map.on("popupopen", () => this.mapContainer().classList.add("camera-map__map--popup"));
      this.map.on("popupclose", () => this.popupClosed());
      this.map.getContainer().addEventListener("keydown", (event) => this.onKeyDown(event));

      if (this.form) {
        // The filters' panel lies over the map on a phone: what a change did shows in it too.
        // Not a live region: the map's status already announces it.
        this.formCount = document.createElement("p"); // (`element` is the map's, here)
        this.formCount.className = "camera-map__filter-count";
        const submit = this.form.querySelector("[type=submit]");
        (submit ? submit.closest("p") || submit : this.form.lastElementChild).before(this.formCount);
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
      const search = options.searchForm ? document.getElementById(options.searchForm) : null;
      if (search) this.setUpSearch(search);
      // The "Streets by coverage" layer of the map page (map/includes/coverage_layer.html).
      const coverage = this.form
        ? document.querySelector(`[data-coverage-layer="${CSS.escape(this.form.id)}"]`)
        : null;
      if (coverage) this.coverage = new CoverageLayer(this, coverage);
      // The legend and the streets' panel share the map's corner: one open at a time, as
      // both open would overrun a map's height.
      const corner = [key, coverage].filter(Boolean);
      corner.forEach((details) =>
        details.addEventListener("toggle", () => {
          if (!details.open) return;
          corner.forEach((other) => {
            if (other !== details) other.open = false;
          });
        }),
      );
      this.viewChanged();
      this.load();
    }

    mapContainer() {
      return this.map.getContainer();
    }

    createMap(container, options) {
      const map = L.map(container, { preferCanvas: true, zoomControl: false });
      // No "Leaflet" link (with its English title and a flag) before the credits: the line,
      // one line on a phone, keeps the credits the tiles' and the data's licences (ODbL) ask
      // for; Leaflet's BSD-2 licence asks for its notice, which leaflet.js carries, not a
      // link on the map. The open-data page credits Leaflet in the reader's language.
      map.attributionControl.setPrefix(false);
      // The credits keep the licences' English wording on every page: said so to screen
      // readers, and so that a Cyrillic page does not count it as untransliterated.
      map.attributionControl.getContainer().lang = "en";
      // Leaflet focuses the map from a script on every press (mousedown, a tap's too), which
      // Chromium counts as :focus-visible: a tap showed the keyboard's crosshair and focus
      // ring. Without it the browser's own focus on the press (the map has tabindex 0) is a
      // pointer's, which :focus-visible leaves out; Tab to the map still shows both.
      L.DomEvent.off(container, "mousedown", map.keyboard._onMouseDown, map.keyboard);
      this.zoomControl = L.control
        .zoom({ zoomInTitle: this.labels.zoomIn, zoomOutTitle: this.labels.zoomOut })
        .addTo(map);
      const tiles = L.tileLayer(options.tiles, { attribution: options.attribution, maxZoom: 19 })
        .on("tileerror", () => this.tilesFailed())
        .addTo(map);
      // "load" comes when every tile of the view has loaded or failed; a frame later they show.
      this.firstTiles = new Promise((resolve) => {
        tiles.once("load", () => requestAnimationFrame(() => setTimeout(resolve)));
        setTimeout(resolve, FIRST_TILES_WAIT_MS);
      });
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

    // What the API is asked: the filters, then the script, as the page's preload asks.
    apiQuery() {
      return [this.filterQuery(), this.apiScript].filter(Boolean).join("&");
    }

    async load() {
      if (this.loading) this.loading.abort();
      const loading = (this.loading = new AbortController());
      this.say(this.labels.loading, true);
      let collection;
      try {
        // As the page's <link rel="preload"> asks for it, so that the preloaded answer is used.
        const response = await fetch(`${this.apiUrl}?${this.apiQuery()}`, {
          signal: loading.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        collection = await response.json();
        await this.firstTiles;
        // Each step its own task, so that a tap or a key is never kept waiting for all of them.
        await nextTask();
      } catch (error) {
        if (error.name === "AbortError") return;
        // No cameras rather than the previous filter's: they would be taken for these.
        this.draw({ features: [] });
        this.say(this.labels.failed, true);
        return;
      }
      const groups = this.group(collection.features);
      await nextTask();
      if (loading.signal.aborted) return;
      this.draw(collection, groups);
    }

    // The groups of cameras for every zoom level (supercluster's index).
    group(features) {
      return new Supercluster({
        // In Leaflet's pixels: its tiles are 256 wide (supercluster counts in 512 by default).
        extent: 256,
        radius: GROUP_RADIUS,
        maxZoom: GROUP_MAX_ZOOM,
        // What a group keeps of its cameras: how many can recognise faces.
        map: (properties) => ({ facial: properties.facial_recognition ? 1 : 0 }),
        reduce: (sum, properties) => {
          sum.facial += properties.facial;
        },
      }).load(features);
    }

    draw(collection, groups = this.group(collection.features)) {
      this.map.closePopup();
      this.coneLayer.clearLayers();
      this.conesDrawn = false;
      this.features = collection.features;
      // supercluster hands back a camera's own properties object, in a new Feature.
      this.featureOf = new Map(this.features.map((feature) => [feature.properties, feature]));
      this.groups = groups;
      this.drawView();
      this.showCones();
      if (collection.attribution) this.credit(collection.attribution);
      if (this.demoNotice) {
        this.demoNotice.hidden = !collection.features.some((feature) => feature.properties.demo);
      }
      const count = this.features.length.toLocaleString(document.documentElement.lang);
      this.say(this.labels.shown.replace("{count}", count), true);
      // Leaflet paints the canvas in the next animation frame; this callback runs after it.
      requestAnimationFrame(() => {
        this.element.dataset.camerasDrawn = this.features.length;
        document.documentElement.dataset.camerasDrawn = this.features.length;
        performance.mark("cameras-drawn");
      });
    }

    // The cameras and groups in the view (and a margin around it), for its zoom level.
    drawView() {
      if (!this.groups) return;
      const bounds = this.map.getBounds().pad(0.25);
      const box = [
        Math.max(bounds.getWest(), -180),
        Math.max(bounds.getSouth(), -85),
        Math.min(bounds.getEast(), 180),
        Math.min(bounds.getNorth(), 85),
      ];
      const items = this.groups.getClusters(box, Math.round(this.map.getZoom()));
      const open = this.popup && this.popup.isOpen() ? this.popup.camera : null;
      this.cameraLayer.clearLayers();
      this.markers = items.map((item) => this.marker(item));
      this.markers.forEach((marker) => this.cameraLayer.addLayer(marker));
      const groups = this.markers.filter((marker) => marker.group).length;
      // For tests and scripts: what the view shows.
      this.element.dataset.groupsDrawn = groups;
      this.element.dataset.singlesDrawn = this.markers.length - groups;
      if (open && !this.markers.some((marker) => marker.feature === open)) this.map.closePopup();
    }

    marker(item) {
      const properties = item.properties;
      if (!properties.cluster) {
        const feature = this.featureOf.get(properties);
        const [longitude, latitude] = feature.geometry.coordinates;
        const marker = L.circleMarker([latitude, longitude], {
          renderer: this.renderer,
          ...this.markerStyle(properties),
        });
        marker.feature = feature;
        return marker;
      }
      const [longitude, latitude] = item.geometry.coordinates;
      const count = properties.point_count;
      const marker = new GroupMarker([latitude, longitude], {
        renderer: this.renderer,
        radius: Math.round(11 + 4 * Math.log10(count)),
        color: properties.facial ? this.colours.facial : "#ffffff",
        weight: 3,
        fillColor: this.colours.group,
        fillOpacity: 1,
        text: count < 10000 ? String(count) : properties.point_count_abbreviated,
        textColour: "#ffffff",
        fontSize: count < 1000 ? 12 : 11,
      });
      marker.group = properties;
      return marker;
    }

    // A camera opens its popup; a group zooms in until it splits.
    choose(marker, fromKeyboard = false) {
      if (!marker.group) return this.openPopup(marker);
      const zoom = Math.min(
        this.groups.getClusterExpansionZoom(marker.group.cluster_id),
        this.map.getMaxZoom(),
      );
      this.map.setView(marker.getLatLng(), zoom);
      if (fromKeyboard) {
        const count = marker.group.point_count.toLocaleString(document.documentElement.lang);
        this.say(this.labels.group.replace("{count}", count));
      }
      return null;
    }

    colour(properties) {
      return properties.facial_recognition ? this.colours.facial : this.colours.other;
    }

    // Filled when verified, hollow when only reported; facial recognition red and larger;
    // a dashed ring when it needs a re-check; grey once retired (no longer there).
    markerStyle(properties) {
      const colour = properties.status === "retired" ? this.colours.retired : this.colour(properties);
      const filled = properties.status !== "reported";
      const style = {
        radius: properties.facial_recognition ? 7 : 5,
        color: filled ? "#ffffff" : colour,
        weight: filled ? 1.5 : 3,
        fillColor: filled ? colour : "#ffffff",
        fillOpacity: 1,
      };
      if (properties.needs_recheck) {
        Object.assign(style, { color: colour, weight: 2, dashArray: "3 2", fillOpacity: 0.55 });
      }
      return style;
    }

    showCones() {
      if (this.map.getZoom() < CONE_MIN_ZOOM) {
        this.coneLayer.remove();
        return;
      }
      if (!this.conesDrawn) {
        for (const feature of this.features) {
          const properties = feature.properties;
          if (properties.direction === null || properties.direction === undefined) continue;
          const [longitude, latitude] = feature.geometry.coordinates;
          L.polygon(cone(L.latLng(latitude, longitude), properties.direction), {
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
      // Within the map on a phone too: narrower than the map, and scrolling when taller;
      // right of the zoom buttons (+/−), which would otherwise lie over its title.
      const size = this.map.getSize();
      const mapBox = this.mapContainer().getBoundingClientRect();
      const left = Math.ceil(this.zoomControl.getContainer().getBoundingClientRect().right - mapBox.left) + 8;
      // Leaflet's popup adds about 45 px of its own margins around the content's width.
      const width = Math.max(160, size.x - left - 12 - 45);
      this.popup = L.popup({
        maxWidth: Math.min(300, width),
        minWidth: Math.min(200, width),
        maxHeight: Math.max(160, size.y - 90),
        autoPanPadding: [12, 12],
        autoPanPaddingTopLeft: [left, 12],
      })
        .setLatLng(marker.getLatLng())
        .setContent(content)
        .openOn(this.map);
      this.popup.camera = marker.feature;
      this.popup.getElement().querySelector(".leaflet-popup-close-button").ariaLabel =
        this.labels.close;
      return content;
    }

    // Focus was in the popup when it was opened from the keyboard: give it back to the map.
    popupClosed() {
      this.mapContainer().classList.remove("camera-map__map--popup");
      if (this.popupFromKeyboard) this.map.getContainer().focus();
      this.popupFromKeyboard = false;
    }

    // The popup's content, as DOM nodes (never HTML from the data).
    describe(feature) {
      const labels = this.labels;
      const properties = feature.properties;
      const content = element("div", "camera-popup");
      content.tabIndex = -1;
      const municipality = labels.municipalities[properties.municipality] || "";
      const title = this.title(feature, municipality);
      content.append(element("h2", "camera-popup__title", title));
      if (municipality && !title.includes(municipality)) {
        content.append(element("p", "camera-popup__place", municipality));
      }
      content.append(element("p", "camera-popup__what", this.inWords(properties)));
      if (properties.demo) content.append(element("p", "camera-popup__demo", labels.demo));
      const details = element("dl", "camera-popup__details");
      const add = (term, value) => {
        if (value === null || value === undefined || value === "") return;
        details.append(element("dt", "", term), element("dd", "", String(value)));
      };
      add(labels.fields.status, labels.status[properties.status]);
      add(labels.fields.firstReported, formatDate(properties.first_reported_at, labels.date));
      add(labels.fields.verified, formatDate(properties.verified_at, labels.date));
      add(labels.fields.lastConfirmed, formatDate(properties.last_confirmed_at, labels.date));
      add(labels.fields.retired, formatDate(properties.retired_at, labels.date));
      if (properties.needs_recheck) {
        content.append(element("p", "camera-popup__recheck", labels.needsRecheck));
      }
      if (properties.direction !== null && properties.direction !== undefined) {
        add(labels.fields.direction, labels.degrees.replace("{degrees}", properties.direction));
      }
      content.append(details);
      const actions = element("ul", "camera-popup__actions");
      const report = (kind) => `${this.reportFormUrl}?${new URLSearchParams({ camera: feature.id, kind })}`;
      // A retired camera is no longer there: nothing to answer about it.
      const answers = properties.status === "retired" ? [] : labels.answers;
      for (const [text, href, className, linkClass] of [
        [labels.cameraPage, `${this.cameraPageUrl}${feature.id}/`, "camera-popup__page", ""],
        ...answers.map(([kind, text]) => [text, report(kind), "", "button camera-popup__action"]),
      ]) {
        const item = element("li", className);
        item.append(this.link(text, href, linkClass));
        actions.append(item);
      }
      content.append(actions);
      if (properties.url) {
        content.append(this.link(labels.data, properties.url, "camera-popup__data"));
        this.addDetails(properties.url, details, content);
      }
      return content;
    }

    link(text, href, className = "") {
      const link = element("a", className, text);
      link.href = href;
      if (this.linkTarget) {
        link.target = this.linkTarget;
        link.rel = "noopener";
      }
      return link;
    }

    // As the camera's page names it (map/naming.py, which also finds the street it is near,
    // the API's `near`): the address; else "Camera near <street>"; else "Camera in the
    // municipality of …"; else its position. Only the words are chosen here.
    title(feature, municipality) {
      const labels = this.labels;
      const { address, near } = feature.properties;
      if (address) return address;
      // Functions, not the text: replace() would read "$&" in an address as a pattern.
      if (near) return labels.near.replace("{street}", () => near);
      if (municipality) {
        return labels.inMunicipality.replace("%(municipality)s", () => municipality);
      }
      const [longitude, latitude] = feature.geometry.coordinates;
      return labels.position
        .replace("%(latitude).5f", latitude.toFixed(5))
        .replace("%(longitude).5f", longitude.toFixed(5));
    }

    // "Dome camera, verified, capable of facial recognition, on the police list".
    inWords(properties) {
      const labels = this.labels;
      const kind =
        properties.surveillance_type === "ALPR"
          ? labels.licencePlateReader
          : labels.kind[properties.camera_type || ""];
      const words = [
        kind,
        properties.status === "verified" ? labels.verifiedShort : labels.reportedShort,
      ];
      if (properties.facial_recognition) words.push(labels.facial);
      words.push(properties.on_police_list ? labels.policeList : labels.notPoliceList);
      return words.join(", ");
    }

    // The camera's own record holds more (address, model, operator): added once it arrives;
    // the popup does not wait for it.
    async addDetails(url, details, content) {
      let properties;
      try {
        const response = await fetch(this.apiScript ? `${url}?${this.apiScript}` : url);
        if (!response.ok) return;
        properties = (await response.json()).properties;
      } catch {
        return;
      }
      const labels = this.labels;
      const model = [properties.manufacturer, properties.model].filter(Boolean).join(" ");
      for (const [term, value] of [
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
        // A group's circle is larger: within its edge counts.
        const reach = Math.max(0, distance - (marker.group ? marker.options.radius : 0));
        if (reach <= nearestDistance) {
          nearest = marker;
          nearestDistance = reach;
        }
      }
      if (!nearest) {
        this.say(this.labels.nothingHere);
        return;
      }
      const content = this.choose(nearest, true);
      if (!content) return; // a group: the map zoomed in, and keeps the focus
      content.focus();
      this.popupFromKeyboard = true;
    }

    // The place search: municipalities and camera addresses, in the browser (no geocoder).
    setUpSearch(form) {
      this.searchForm = form;
      this.results = document.getElementById(`${form.id}-results`);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.searchPlaces(form.elements.place.value);
      });
      this.results.addEventListener("click", (event) => {
        const link = event.target.closest("a");
        if (link && this.showPlace({ ...link.dataset, name: link.textContent })) {
          event.preventDefault();
        }
      });
      this.results.addEventListener("keydown", (event) => {
        if (event.key === "Escape") this.closeResults(form.elements.place);
      });
      const close = this.results.querySelector("[data-place-close]");
      close.hidden = false;
      close.addEventListener("click", () => this.closeResults(form.elements.place));
      // The box lies over the map: touching or dragging the map puts it away.
      this.map.on("click dragstart", () => {
        if (!this.results.hidden) this.closeResults();
      });
      const locate = form.querySelector("[data-place-locate]");
      if (locate && "geolocation" in navigator) {
        locate.hidden = false;
        locate.addEventListener("click", () => this.locate());
      }
    }

    searchPlaces(query) {
      const words = fold(query.slice(0, 100)).split(/\s+/).filter(Boolean);
      const places = [];
      if (words.join("").length >= 2) {
        const matches = (name) => {
          const folded = fold(name || "");
          return words.every((word) => folded.includes(word));
        };
        const municipalities = this.labels.municipalities;
        for (const [slug, name] of Object.entries(municipalities)) {
          if (matches(name)) places.push({ name, municipality: slug });
        }
        // One entry per street and municipality, as map/places.py lists them: "Bulevar kralja
        // Aleksandra 12", "… 14" and "… 20" are "Bulevar kralja Aleksandra", 3 cameras.
        const streets = new Map();
        for (const feature of this.features) {
          const address = feature.properties.address;
          if (!matches(address)) continue;
          const municipality = feature.properties.municipality || "";
          const key = `${fold(withoutHouseNumber(address))}|${municipality}`;
          if (!streets.has(key)) {
            const detail = municipalities[municipality] || "";
            streets.set(key, { addresses: new Set(), features: [], detail });
          }
          streets.get(key).addresses.add(address);
          streets.get(key).features.push(feature);
        }
        const found = [...streets.values()].map((street) => {
          const addresses = [...street.addresses].sort(byFolded);
          const name = addresses.length === 1 ? addresses[0] : withoutHouseNumber(addresses[0]);
          const feature = street.features.reduce((a, b) => (b.id < a.id ? b : a));
          const points = street.features.map((each) => each.geometry.coordinates);
          const longitudes = points.map(([longitude]) => longitude);
          const latitudes = points.map(([, latitude]) => latitude);
          const bounds = [Math.min(...latitudes), Math.min(...longitudes)];
          bounds.push(Math.max(...latitudes), Math.max(...longitudes));
          const count = street.features.length;
          return { name, first: addresses[0], detail: street.detail, feature, count, bounds };
        });
        places.push(...found.sort((a, b) => byFolded(a.first, b.first)));
      }
      this.showResults(places.slice(0, MAX_PLACES), places.length > MAX_PLACES);
    }

    // "3 cameras", in the plural form the reader's language gives the number.
    cameraCount(count) {
      const forms = this.labels.streetCameras;
      const category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
      return (forms[category] || forms.other).replace("%(count)s", String(count));
    }

    // The same list as the server writes without JavaScript (map/includes/place_search.html).
    showResults(places, cut = false) {
      const list = this.results.querySelector("ul");
      const message = this.results.querySelector("[role=status]");
      list.replaceChildren();
      for (const place of places) {
        const item = element("li");
        let link;
        if (place.municipality) {
          link = this.link(place.name, `?municipality=${encodeURIComponent(place.municipality)}`);
          link.dataset.municipality = place.municipality;
          item.append(link, " ", element("span", "map-search__detail", this.labels.municipality));
        } else if (place.count > 1) {
          // A street: its first camera's page, as without JavaScript; the map shows them all.
          link = this.link(place.name, `${this.cameraPageUrl}${place.feature.id}/`);
          link.dataset.bounds = place.bounds.join(",");
          const detail = [this.cameraCount(place.count), place.detail].filter(Boolean);
          item.append(link, " ", element("span", "map-search__detail", detail.join(", ")));
        } else {
          const [longitude, latitude] = place.feature.geometry.coordinates;
          link = this.link(place.name, `${this.cameraPageUrl}${place.feature.id}/`);
          Object.assign(link.dataset, { camera: place.feature.id, latitude, longitude });
          item.append(link);
          if (place.detail) item.append(" ", element("span", "map-search__detail", place.detail));
        }
        list.append(item);
      }
      const found = cut ? this.labels.placesMore : this.labels.placesFound;
      message.textContent = places.length
        ? found.replace("{count}", places.length)
        : this.labels.noPlace;
      this.showCut(cut);
      this.results.hidden = false;
      // One place: there at once; several: the reader chooses.
      if (places.length === 1) list.querySelector("a").click();
    }

    // A message about the search or "near me" in the box under the search bar: in the first
    // screen, where the reader looks after tapping (the status under the map may be out of
    // sight). Shown before its words change, so that screen readers announce them.
    tell(message) {
      this.results.querySelector("ul").replaceChildren();
      this.showCut(false);
      this.results.hidden = false;
      this.results.querySelector("[role=status]").textContent = message;
    }

    // "Showing the first 8; narrow your search." when the list holds only part of the places.
    showCut(cut) {
      const notice = this.results.querySelector("[data-place-cut]");
      if (!notice) return;
      notice.textContent = cut ? this.labels.placesCut : "";
      notice.hidden = !cut;
    }

    closeResults(focusTarget) {
      this.results.hidden = true;
      if (focusTarget) focusTarget.focus();
    }

    // Move the map to a chosen place; false if this map cannot (the link is followed then).
    showPlace(place) {
      if (place.municipality) {
        const previous = this.municipality;
        this.municipality = place.municipality;
        const shown = this.showMunicipality(this.map, false);
        this.municipality = previous;
        if (!shown) return false;
        this.closeResults();
        this.say(this.labels.placeShown.replace("{place}", () => place.name));
        this.mapContainer().focus();
        return true;
      }
      if (place.bounds) {
        const [south, west, north, east] = place.bounds.split(",").map(Number);
        const box = [
          [south, west],
          [north, east],
        ];
        this.map.fitBounds(box, { maxZoom: PLACE_ZOOM, padding: [24, 24], animate: false });
        this.closeResults();
        this.say(this.labels.placeShown.replace("{place}", () => place.name));
        this.mapContainer().focus();
        return true;
      }
      if (!place.camera) return false;
      this.map.setView([Number(place.latitude), Number(place.longitude)], PLACE_ZOOM, {
        animate: false,
      });
      this.closeResults();
      this.say(this.labels.placeShown.replace("{place}", () => place.name));
      const marker = this.markers.find(
        (candidate) => candidate.feature && String(candidate.feature.id) === place.camera,
      );
      if (marker) {
        this.openPopup(marker).focus();
        this.popupFromKeyboard = true;
      } else {
        this.mapContainer().focus();
      }
      return true;
    }

    // "Near me": the browser's position moves the map; it is never sent anywhere.
    locate() {
      // The browser may take a while (or ask first): the tap is answered at once.
      this.tell(this.labels.locating);
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const here = [position.coords.latitude, position.coords.longitude];
          if (this.here) this.here.remove();
          this.here = L.circleMarker(here, {
            renderer: this.renderer,
            interactive: false,
            radius: 9,
            color: "#ffffff",
            weight: 3,
            fillColor: this.colours.here,
            fillOpacity: 1,
          }).addTo(this.map);
          // Not written into the page's address, which people copy and share: the view
          // there changes again only once the reader moves the map themselves.
          this.keepAddress = true;
          this.map.setView(here, LOCATION_ZOOM);
          this.tell(this.labels.located);
        },
        (error) => {
          const labels = this.labels;
          if (error.code === error.PERMISSION_DENIED) this.tell(labels.locationDenied);
          else if (error.code === error.TIMEOUT) this.tell(labels.locationTimeout);
          else this.tell(labels.notLocated);
        },
        { timeout: 15000, maximumAge: 60000 },
      );
    }

    viewChanged() {
      const centre = this.map.getCenter();
      if (this.reportLink) {
        const spot = { lat: centre.lat.toFixed(6), lon: centre.lng.toFixed(6) };
        this.reportLink.href = `${this.reportUrl}?${new URLSearchParams(spot)}`;
      }
      if (this.keepAddress) {
        this.keepAddress = false;
        return;
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
      if (this.coverage) this.coverage.load();
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

    // `counting`: a message about the cameras the filters select, shown in their panel too.
    say(message, counting = false) {
      this.statusElement.textContent = message;
      if (counting && this.formCount) this.formCount.textContent = message;
    }
  }

  // Streets by coverage: the classes of the share of a street's length in view, as the legend
  // (map/includes/coverage_layer.html) shows them: colour (--coverage-0 to -4, site.css),
  // width and dashes differ, so that no class is told by its colour alone.
  const COVERAGE_CLASSES = [
    { below: 0, width: 2.5, dash: [0.1, 5] }, // none: dotted (round caps make the dots)
    { below: 0.25, width: 3, dash: [5, 4] },
    { below: 0.5, width: 3.5, dash: [12, 4] },
    { below: 0.75, width: 4, dash: [] },
    { below: Infinity, width: 6, dash: [] },
  ];

  function coverageClass(share) {
    if (share === 0) return 0;
    return COVERAGE_CLASSES.findIndex((each, index) => index > 0 && share < each.below);
  }

  // The streets on a canvas of their own, below the cones and the cameras: thousands of
  // Leaflet polylines would each be a layer to project and hit-test; here each redraw
  // projects every segment's points with two multiplications (they are kept in pixels at
  // zoom 0, projected once by Leaflet) and strokes one path per class.
  const StreetCanvas = L.Layer.extend({
    initialize(streets) {
      this.streets = streets;
    },

    onAdd(map) {
      if (!map.getPane("coverage-streets")) {
        // Above the tiles (200), below the cones (390) and the cameras (400).
        map.createPane("coverage-streets").style.zIndex = 350;
      }
      this.canvas = L.DomUtil.create("canvas", "leaflet-zoom-hide coverage-canvas");
      this.canvas.setAttribute("aria-hidden", "true");
      map.getPane("coverage-streets").append(this.canvas);
      map.on("moveend resize", this.redraw, this);
      this.redraw();
    },

    onRemove(map) {
      map.off("moveend resize", this.redraw, this);
      this.canvas.remove();
    },

    redraw() {
      const map = this._map;
      if (!map) return;
      // A margin around the view, so that a short drag shows streets already drawn.
      const size = map.getSize();
      const margin = size.multiplyBy(0.25).round();
      const topLeft = map.containerPointToLayerPoint([0, 0]).subtract(margin);
      const width = size.x + 2 * margin.x;
      const height = size.y + 2 * margin.y;
      const ratio = window.devicePixelRatio || 1;
      const canvas = this.canvas;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      L.DomUtil.setPosition(canvas, topLeft);
      const context = canvas.getContext("2d");
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.lineCap = "round";
      context.lineJoin = "round";
      const scale = map.getZoomScale(map.getZoom(), 0);
      const offset = map.getPixelOrigin().add(topLeft);
      const { points, starts, classes, colours } = this.streets;
      // What lies outside the canvas (in zoom-0 pixels) is not drawn.
      const [left, top] = [offset.x / scale, offset.y / scale];
      const [right, bottom] = [left + width / scale, top + height / scale];
      const boxes = this.streets.boxes;
      let drawn = 0;
      COVERAGE_CLASSES.forEach((style, kind) => {
        context.beginPath();
        for (let segment = 0; segment < classes.length; segment += 1) {
          if (classes[segment] !== kind) continue;
          const box = segment * 4;
          if (boxes[box] > right || boxes[box + 2] < left) continue;
          if (boxes[box + 1] > bottom || boxes[box + 3] < top) continue;
          const end = starts[segment + 1];
          for (let index = starts[segment]; index < end; index += 2) {
            const x = points[index] * scale - offset.x;
            const y = points[index + 1] * scale - offset.y;
            if (index === starts[segment]) context.moveTo(x, y);
            else context.lineTo(x, y);
          }
          drawn += 1;
        }
        context.strokeStyle = colours[kind];
        context.lineWidth = style.width;
        context.setLineDash(style.dash);
        context.stroke();
      });
      this.drawn = drawn;
    },
  });

  // The layer's switch, its choice of network and its data, for one CameraMap.
  class CoverageLayer {
    constructor(cameraMap, panel) {
      this.cameraMap = cameraMap;
      this.panel = panel;
      this.messages = panel.dataset;
      const styles = getComputedStyle(panel);
      this.colours = COVERAGE_CLASSES.map((_style, kind) =>
        styles.getPropertyValue(`--coverage-${kind}`).trim(),
      );
      panel.querySelectorAll("[data-coverage-controls]").forEach((controls) => {
        controls.hidden = false;
      });
      this.switch = panel.querySelector("[data-coverage-show]");
      this.switch.addEventListener("change", () => (this.switch.checked ? this.load() : this.hide()));
      panel.addEventListener("change", (event) => {
        if (event.target.name === "coverage-network") this.colour();
      });
    }

    network() {
      const chosen = this.panel.querySelector("input[name=coverage-network]:checked");
      return chosen ? chosen.value : "covered";
    }

    // The municipality the map's filters chose, else the whole city: each is one answer the
    // API keeps, where a box for every view would be built again on each move.
    query() {
      const municipality = this.cameraMap.chosenMunicipality();
      return municipality ? `?${new URLSearchParams({ municipality })}` : "";
    }

    async load() {
      if (!this.switch.checked) return;
      if (this.loading) this.loading.abort();
      const loading = (this.loading = new AbortController());
      const cameraMap = this.cameraMap;
      cameraMap.say(this.messages.loading);
      let collection;
      try {
        const response = await fetch(`${this.panel.dataset.api}${this.query()}`, {
          signal: loading.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        collection = await response.json();
        await nextTask();
      } catch (error) {
        if (error.name === "AbortError") return;
        this.hide(false);
        cameraMap.say(this.messages.failed);
        return;
      }
      if (loading.signal.aborted || !this.switch.checked) return;
      this.streets = this.prepare(collection.features);
      this.colour();
      const count = this.streets.features.length.toLocaleString(document.documentElement.lang);
      cameraMap.say(this.messages.shown.replace("{count}", count));
    }

    // The segments' points in pixels at zoom 0, in one array, and each segment's box.
    prepare(features) {
      const map = this.cameraMap.map;
      const total = features.reduce((sum, feature) => sum + feature.geometry.coordinates.length, 0);
      const points = new Float64Array(total * 2);
      const starts = new Uint32Array(features.length + 1);
      const boxes = new Float64Array(features.length * 4);
      let index = 0;
      features.forEach((feature, segment) => {
        starts[segment] = index;
        let [west, north, east, south] = [Infinity, Infinity, -Infinity, -Infinity];
        for (const [longitude, latitude] of feature.geometry.coordinates) {
          const point = map.project([latitude, longitude], 0);
          points[index] = point.x;
          points[index + 1] = point.y;
          index += 2;
          west = Math.min(west, point.x);
          east = Math.max(east, point.x);
          north = Math.min(north, point.y);
          south = Math.max(south, point.y);
        }
        boxes.set([west, north, east, south], segment * 4);
      });
      starts[features.length] = index;
      const classes = new Int8Array(features.length);
      return { features, points, starts, boxes, classes, colours: this.colours };
    }

    // Each segment's class for the chosen network (-1: never computed, not drawn); then draw.
    colour() {
      if (!this.streets) return;
      const field = `${this.network()}_share`;
      const { features, classes } = this.streets;
      features.forEach((feature, segment) => {
        const share = feature.properties[field];
        classes[segment] = share === null || share === undefined ? -1 : coverageClass(share);
      });
      const map = this.cameraMap.map;
      if (!this.canvas) this.canvas = new StreetCanvas(this.streets);
      this.canvas.streets = this.streets;
      if (map.hasLayer(this.canvas)) this.canvas.redraw();
      else this.canvas.addTo(map);
      // Leaflet paints in the next frame; this runs after it. For tests and the bench.
      requestAnimationFrame(() => {
        this.cameraMap.element.dataset.streetsDrawn = this.canvas.drawn;
        this.cameraMap.element.dataset.streetsNetwork = this.network();
        performance.mark("streets-drawn");
      });
    }

    hide(say = true) {
      if (this.loading) this.loading.abort();
      if (this.canvas) this.canvas.remove();
      delete this.cameraMap.element.dataset.streetsDrawn;
      if (say) this.cameraMap.say(this.messages.off);
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

  // A promise kept in a later task: the browser may paint and answer input in between.
  function nextTask() {
    if (window.scheduler && scheduler.yield) return scheduler.yield();
    return new Promise((resolve) => setTimeout(resolve));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // As map/places.py folds (home/serbian.py fold_text): lower case, no accents, đ and dj
  // as d ("Vracar" finds "Vračar"; "Djure", "Dure" and "Đure" find each other).
  // Cyrillic letters as home/serbian.py `fold_text` reads them: a Cyrillic reader's map
  // (its names in Cyrillic) finds "vracar", and a Latin one "врачар".
  const CYRILLIC = Object.fromEntries(
    Array.from("абвгдђежзијклљмнњопрстћуфхцчџш").map((letter, index) => [
      letter,
      "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split(" ")[index],
    ]),
  );

  function fold(text) {
    return text
      .toLowerCase()
      .replace(/[а-шђјљњћџ]/g, (letter) => CYRILLIC[letter] || letter)
      .replaceAll("đ", "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replaceAll("dj", "d");
  }

  // A street without its house number, as map/naming.py `without_house_number` has it:
  // "Knez Mihailova 12a" -> "Knez Mihailova".
  const HOUSE_NUMBER = /[\s,]+\d+\s*\p{L}?(?:\/[\dIVXivx]+)?$/u;

  function withoutHouseNumber(address) {
    return address.replace(HOUSE_NUMBER, "").trim() || address;
  }

  // The order of map/places.py's rows: by the folded text, code point by code point.
  function byFolded(a, b) {
    const [x, y] = [fold(a), fold(b)];
    if (x === y) return a < b ? -1 : a > b ? 1 : 0;
    return x < y ? -1 : 1;
  }

  function escapeHtml(text) {
    return element("span", "", text).innerHTML;
  }

  // As the camera's page writes a date (the server's DATE_FORMAT): the browser orders day,
  // month and year; the month's name is the server's ("28. decembra 2019.", genitive, in
  // Serbian, where the browser would write "decembar"; "Dec. 28, 2019" in English).
  function formatDate(value, parts) {
    if (!value) return null;
    const format = new Intl.DateTimeFormat(document.documentElement.lang, {
      year: "numeric",
      month: parts.month,
      day: "numeric",
      timeZone: parts.timeZone,
    });
    const date = new Date(value);
    const month = Number(
      new Intl.DateTimeFormat("en", { month: "numeric", timeZone: parts.timeZone }).format(date),
    );
    return format
      .formatToParts(date)
      .map((part) => (part.type === "month" ? parts.months[month - 1] : part.value))
      .join("");
  }

  // Each map in a task of its own, after the one that ran Leaflet's script: one long task
  // would keep a tap waiting for all of it.
  function setUp() {
    document.querySelectorAll("[data-camera-map]").forEach((element) => {
      nextTask().then(() => new CameraMap(element));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
