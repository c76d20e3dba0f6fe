// The report form's service worker (README: "Offline reports"). /sw.js (map/offline.py) sets
// self.kamereOffline (what to keep, with the static files' hashed names) and loads this after
// static/map/offline-queue.js. Each language's form registers it for its own address, so it
// sees the form and its follow-up pages, nothing else of the site; it answers for the form
// page, the files that page needs and the map's tiles, and leaves every other request alone.
(function () {
  "use strict";

  var config = self.kamereOffline;
  var queue = self.KamereOfflineQueue;
  // Both languages' registrations share the origin's caches: each keeps its own, named after
  // its scope, so that one's update never deletes what the other still uses.
  var scope = new URL(self.registration.scope).pathname;
  var PAGES_PREFIX = "kamere-offline:" + scope + ":";
  var PAGES = PAGES_PREFIX + config.version;
  var TILES = "kamere-tiles:" + scope;
  // Give up on the network for the form page after this long: a phone with a signal too
  // weak to load it shows the copy at once rather than a blank screen for minutes.
  var PAGE_TIMEOUT_MS = 8000;
  // Django's hashed static names (name.0123456789ab.js) never change their content.
  var HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

  var assets = new Set(
    config.assets.map(function (path) {
      return new URL(path, self.location.href).href;
    })
  );
  var tileAddress = tilePattern(config.tileUrl);
  // A tile server that does not allow CORS gives opaque answers, which cannot be measured
  // and count as megabytes each against the site's storage: its tiles are not kept.
  var tilesOpaque = false;

  // Leaflet's URL template ({s}, {z}, {x}, {y}, {r}) as a pattern for tile addresses.
  function tilePattern(template) {
    if (!template) return null;
    var pattern = template
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\{s\}/g, "[abc]")
      .replace(/\{[xyz]\}/g, "\\d+")
      .replace(/\{r\}/g, "(?:@2x)?")
      .replace(/\{[^}]*\}/g, "[^/?#]*");
    if (template.indexOf("//") === 0) pattern = "https?:" + pattern;
    return new RegExp("^" + pattern + "$");
  }

  // The form page as the network gives it to a visitor with no cookies: no session, no
  // message, no reporter's details (its CSRF token is nobody's: the page's script fetches a
  // fresh one before sending). Marked, so that the script can say the page is the copy.
  function keepPage(cache, url) {
    return fetch(url, { credentials: "omit", cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("The form page did not load: " + response.status);
      return response.text().then(function (html) {
        var headers = new Headers(response.headers);
        // The text is decoded already; its headers (the page's CSP among them) stay.
        headers.delete("Content-Encoding");
        headers.delete("Content-Length");
        return cache.put(
          url,
          new Response(html.replace("<html ", "<html data-offline-copy "), {
            status: 200,
            headers: headers,
          })
        );
      });
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(
      caches
        .open(PAGES)
        .then(function (cache) {
          return Promise.all(
            [cache.addAll(config.assets)].concat(
              config.pages.map(function (url) {
                return keepPage(cache, url);
              })
            )
          );
        })
        .then(function () {
          // The new copies are complete: use them now, in open forms too (their scripts and
          // the worker share nothing but the queue's format).
          return self.skipWaiting();
        })
    );
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(
      caches
        .keys()
        .then(function (names) {
          return Promise.all(
            names
              .filter(function (name) {
                return name.indexOf(PAGES_PREFIX) === 0 && name !== PAGES;
              })
              .map(function (name) {
                return caches.delete(name);
              })
          );
        })
        .then(function () {
          return self.clients.claim();
        })
    );
  });

  function fromCache(url) {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(url).then(function (hit) {
        return hit || Response.error();
      });
    });
  }

  // The form page: from the network when there is one (a fresh CSRF token, the messages, the
  // camera a ?camera=&kind= link names), the kept copy otherwise. A form for a camera falls
  // back to the plain form: its script keeps the address, and with it the camera, as the
  // queued report's target.
  // When the kept copies were last fetched again: a change to the form that changes no
  // static file (its wording, a new field, a translation) reaches the copy within this long
  // of a visit with a connection.
  var keptAt = 0;
  var KEEP_AGAIN_AFTER_MS = 60 * 60 * 1000;

  function keepPagesAgain() {
    if (Date.now() - keptAt < KEEP_AGAIN_AFTER_MS) return Promise.resolve();
    keptAt = Date.now();
    return caches.open(PAGES).then(function (cache) {
      return Promise.all(
        config.pages.map(function (page) {
          // A failure leaves the old copy: better than none.
          return keepPage(cache, page).catch(function () {});
        })
      );
    });
  }

  function formPage(event, url) {
    var request = event.request;
    var timer;
    var timeout = new Promise(function (resolve, reject) {
      timer = setTimeout(reject, PAGE_TIMEOUT_MS);
    });
    return Promise.race([fetch(request), timeout]).then(
      function (response) {
        clearTimeout(timer);
        if (response.ok) event.waitUntil(keepPagesAgain());
        return response;
      },
      function () {
        clearTimeout(timer);
        return fromCache(url.origin + url.pathname);
      }
    );
  }

  function asset(request) {
    var url = request.url;
    if (HASHED.test(new URL(url).pathname)) {
      return caches.match(url, { cacheName: PAGES }).then(function (hit) {
        return hit || fetch(request);
      });
    }
    // Unhashed names (development) change under the same address: the network first.
    return fetch(request).catch(function () {
      return fromCache(url);
    });
  }

  function trimTiles(cache) {
    return cache.keys().then(function (keys) {
      // Oldest first: the cache lists entries in the order they were put.
      return Promise.all(
        keys.slice(0, Math.max(0, keys.length - config.maxTiles)).map(function (key) {
          return cache.delete(key);
        })
      );
    });
  }

  function tile(event) {
    var request = event.request;
    return caches.open(TILES).then(function (cache) {
      return cache.match(request.url).then(function (hit) {
        if (hit) return hit;
        if (tilesOpaque) return fetch(request);
        return fetch(request.url, { mode: "cors", credentials: "omit" }).then(
          function (response) {
            if (response.ok) {
              event.waitUntil(
                cache.put(request.url, response.clone()).then(function () {
                  return trimTiles(cache);
                })
              );
            }
            return response;
          },
          function () {
            // No network, or no CORS: as the page would have asked for it.
            return fetch(request).then(function (response) {
              tilesOpaque = true;
              return response;
            });
          }
        );
      });
    });
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") return;
    var url = new URL(request.url);
    if (request.mode === "navigate") {
      if (url.origin === self.location.origin && config.pages.indexOf(url.pathname) !== -1) {
        event.respondWith(formPage(event, url));
      }
      return;
    }
    if (assets.has(url.origin + url.pathname)) {
      event.respondWith(asset(request));
    } else if (tileAddress && tileAddress.test(request.url)) {
      event.respondWith(tile(event));
    }
  });

  // Background Sync: the browser wakes the worker when the connection is back, also with no
  // form page open. A round that left reports waiting fails, so the browser tries again.
  self.addEventListener("sync", function (event) {
    if (event.tag !== queue.SYNC_TAG) return;
    event.waitUntil(
      queue.sendAll(config).then(function (result) {
        if (result && (result.offline || result.later)) {
          throw new Error("Some reports wait for another try.");
        }
      })
    );
  });
})();
