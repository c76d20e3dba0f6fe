// Reports kept on the device until they can be sent (README: "Offline reports"). Loaded by
// the report form (static/map/offline-reports.js) and by its service worker (/sw.js,
// static/map/offline-worker.js): either sends what waits, whichever gets there first, never
// both at once. No DOM here: a worker has none.
(function (root) {
  "use strict";

  var DB_NAME = "kamere-offline-reports";
  var STORE = "reports";
  // Pages and the worker tell each other that the queue changed.
  var CHANNEL = "kamere-offline-reports";
  // One sender at a time across the form's tabs and the worker (Web Locks).
  var LOCK = "kamere-offline-reports-send";
  var SYNC_TAG = "kamere-offline-reports";
  // A sent report stays listed, with its follow-up page, this long.
  var SENT_KEPT_MS = 30 * 24 * 3600 * 1000;
  // Longest side of a kept photo, and its JPEG quality: a few hundred KB each, plenty for
  // editors to see a camera (the server makes its own copy from the pixels anyway).
  var MAX_SIDE = 1600;
  var JPEG_QUALITY = 0.8;

  var opening = null;

  function request(idbRequest) {
    return new Promise(function (resolve, reject) {
      idbRequest.onsuccess = function () {
        resolve(idbRequest.result);
      };
      idbRequest.onerror = function () {
        reject(idbRequest.error);
      };
    });
  }

  function database() {
    if (!opening) {
      var open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore(STORE, { keyPath: "id" });
      };
      opening = request(open);
    }
    return opening;
  }

  // One request in its own transaction; resolves once the transaction is done (a put that
  // runs out of room fails there, as a QuotaExceededError).
  function inStore(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var result;
        request(work(transaction.objectStore(STORE))).then(
          function (value) {
            result = value;
          },
          function () {} // the transaction's own error says it
        );
        transaction.oncomplete = function () {
          resolve(result);
        };
        transaction.onerror = transaction.onabort = function () {
          reject(transaction.error);
        };
      });
    });
  }

  function all() {
    return inStore("readonly", function (store) {
      return store.getAll();
    }).then(function (items) {
      return items.sort(function (a, b) {
        return a.createdAt < b.createdAt ? -1 : 1;
      });
    });
  }

  function get(id) {
    return inStore("readonly", function (store) {
      return store.get(id);
    });
  }

  function put(item) {
    return inStore("readwrite", function (store) {
      return store.put(item);
    }).then(changed);
  }

  function remove(id) {
    return inStore("readwrite", function (store) {
      return store.delete(id);
    }).then(changed);
  }

  function changed() {
    if (root.BroadcastChannel) {
      var channel = new BroadcastChannel(CHANNEL);
      channel.postMessage("changed");
      channel.close();
    }
  }

  // The report's own key (32 hex digits), sent with every attempt: the server creates a
  // report once per key and answers a repeat with that report's follow-up page, so a
  // report whose answer was lost on the way is not made twice.
  function newKey() {
    if (root.crypto.randomUUID) return root.crypto.randomUUID().replace(/-/g, "");
    var bytes = root.crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map
      .call(bytes, function (byte) {
        return (byte + 0x100).toString(16).slice(1);
      })
      .join("");
  }

  // The photo as the queue keeps it: drawn again from its pixels, at most MAX_SIDE on its
  // longest side, as a JPEG. Drawing keeps nothing of the file but the picture: its EXIF
  // (the place, the time, the phone) is gone before it is stored, and the original is not
  // kept. Rejects for a file this browser cannot decode (HEIC in most browsers).
  function downscale(file) {
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var width = Math.max(1, Math.round(bitmap.width * scale));
      var height = Math.max(1, Math.round(bitmap.height * scale));
      var canvas;
      if (root.OffscreenCanvas) {
        canvas = new OffscreenCanvas(width, height);
      } else {
        canvas = root.document.createElement("canvas");
        canvas.width = width;
        canvas.height = height;
      }
      canvas.getContext("2d").drawImage(bitmap, 0, 0, width, height);
      bitmap.close();
      if (canvas.convertToBlob) {
        return canvas.convertToBlob({ type: "image/jpeg", quality: JPEG_QUALITY });
      }
      return new Promise(function (resolve, reject) {
        canvas.toBlob(
          function (blob) {
            if (blob) resolve(blob);
            else reject(new Error("The photo could not be drawn."));
          },
          "image/jpeg",
          JPEG_QUALITY
        );
      });
    });
  }

  // Whether the device has room for `bytes` more (with a margin for the database's own
  // bookkeeping); true where the browser does not say.
  function hasRoom(bytes) {
    if (!(root.navigator.storage && root.navigator.storage.estimate)) {
      return Promise.resolve(true);
    }
    return root.navigator.storage.estimate().then(
      function (estimate) {
        return estimate.quota - estimate.usage > bytes + 1024 * 1024;
      },
      function () {
        return true;
      }
    );
  }

  function csrfToken(html) {
    var match = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html);
    return match ? match[1] : "";
  }

  // What Django's escaping writes (&amp; &lt; &gt; &quot; &#x27;) and numeric references.
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  function unescapeHtml(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, function (whole, name) {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] || whole;
      var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    });
  }

  // The errors the form came back with (templates/components/error_summary.html), as text.
  // By pattern, not a DOM: the worker, which may be the one sending, has none.
  function errorsOf(html) {
    var summary = /class="error-summary"[\s\S]*?<\/ul>/.exec(html);
    if (!summary) return [];
    var errors = [];
    var item = /<li>([\s\S]*?)<\/li>/g;
    var match;
    while ((match = item.exec(summary[0]))) {
      errors.push(unescapeHtml(match[1].replace(/<[^>]*>/g, "")).trim());
    }
    return errors;
  }

  function isFollowPage(url, config) {
    var parsed = new URL(url, root.location.href);
    if (parsed.origin !== root.location.origin) return false;
    return config.followPrefixes.some(function (prefix) {
      return parsed.pathname.indexOf(prefix) === 0;
    });
  }

  // One attempt: the form page first, for a fresh CSRF token (a logged-in reporter's is
  // checked; a visitor's form is taken by its origin, portal/csrf.py), then the report.
  // Rejects on a network error; otherwise says what the site answered.
  function sendOne(item, config) {
    return fetch(item.target, { credentials: "same-origin", cache: "no-store" })
      .then(function (page) {
        if (!page.ok) return { outcome: "later" };
        return page.text().then(function (html) {
          var body = new FormData();
          item.fields.forEach(function (field) {
            body.append(field[0], field[1]);
          });
          if (item.photo) body.append(item.photoField, item.photo, "photo.jpg");
          body.append("client_key", item.id);
          body.append("csrfmiddlewaretoken", csrfToken(html));
          return fetch(item.target, { method: "POST", body: body, credentials: "same-origin" });
        });
      })
      .then(function (response) {
        if (response.outcome) return response;
        // Sent: the form redirects to the report's follow-up page. Any other redirect (a
        // login page, a proxy's) says nothing of the report: it stays, for a later attempt.
        if (response.redirected) {
          if (isFollowPage(response.url, config)) {
            return { outcome: "sent", followUrl: response.url };
          }
          return { outcome: "later" };
        }
        // Too many reports for now (429), the site away or failing: the same report may
        // well go through later.
        if (response.status === 429 || response.status === 403 || response.status >= 500) {
          return { outcome: "later" };
        }
        // The form again, with what it did not accept: only the reporter can mend it.
        return response.text().then(function (html) {
          return {
            outcome: "attention",
            errors: errorsOf(html),
          };
        });
      });
  }

  function withLock(work) {
    if (root.navigator.locks) {
      return root.navigator.locks.request(LOCK, { ifAvailable: true }, function (lock) {
        // Another tab or the worker is sending: it sends these too.
        return lock ? work() : null;
      });
    }
    if (withLock.busy) return Promise.resolve(null);
    withLock.busy = true;
    return work().then(
      function (result) {
        withLock.busy = false;
        return result;
      },
      function (error) {
        withLock.busy = false;
        throw error;
      }
    );
  }

  function pruneSent() {
    var now = Date.now();
    return all().then(function (items) {
      return Promise.all(
        items
          .filter(function (item) {
            return item.status === "sent" && now - Date.parse(item.sentAt) > SENT_KEPT_MS;
          })
          .map(function (item) {
            return remove(item.id);
          })
      );
    });
  }

  // Sends each waiting report once, one after the other. Resolves with what happened
  // ({sent, later, attention, offline}), or null when another sender is at it.
  function sendAll(config) {
    return withLock(function () {
      var result = { sent: 0, later: 0, attention: 0, offline: false };
      var tried = {};

      function next() {
        return all().then(function (items) {
          var item = items.filter(function (each) {
            return each.status === "waiting" && !tried[each.id];
          })[0];
          if (!item) return result;
          tried[item.id] = true;
          return sendOne(item, config).then(
            function (answer) {
              return record(item, answer).then(function (goOn) {
                return goOn ? next() : result;
              });
            },
            function () {
              // No network after all: the rest waits for the next chance.
              result.offline = true;
              return result;
            }
          );
        });
      }

      function record(item, answer) {
        return get(item.id).then(function (current) {
          var now = new Date().toISOString();
          if (answer.outcome === "sent") {
            result.sent += 1;
            // The photo and the fields go; what is left is the way to the follow-up page.
            return put({
              id: item.id,
              status: "sent",
              createdAt: item.createdAt,
              camera: item.camera,
              sentAt: now,
              followUrl: answer.followUrl,
            }).then(function () {
              return true;
            });
          }
          // Deleted by the reporter while it was on its way.
          if (!current) return true;
          current.triedAt = now;
          if (answer.outcome === "later") {
            result.later += 1;
            // A rate limit holds for the others too: stop this round.
            return put(current).then(function () {
              return false;
            });
          }
          result.attention += 1;
          current.status = "attention";
          current.errors = answer.errors;
          return put(current).then(function () {
            return true;
          });
        });
      }

      return next().then(function (done) {
        return pruneSent().then(function () {
          return done;
        });
      });
    });
  }

  root.KamereOfflineQueue = {
    CHANNEL: CHANNEL,
    SYNC_TAG: SYNC_TAG,
    MAX_SIDE: MAX_SIDE,
    all: all,
    get: get,
    put: put,
    remove: remove,
    newKey: newKey,
    downscale: downscale,
    hasRoom: hasRoom,
    csrfToken: csrfToken,
    errorsOf: errorsOf,
    sendAll: sendAll,
  };
})(self);
