// The report form with no signal (README: "Offline reports"). With a service worker the form
// page is kept on the device (static/map/offline-worker.js); sending it with no connection
// keeps the report in the device's queue (static/map/offline-queue.js), photo downscaled and
// without its metadata, lists what waits, and sends it when the connection is back: on the
// `online` event, on each visit of the form, and from the worker (Background Sync). Without
// this script, or without service workers, the form posts as it always did.
(function () {
  "use strict";

  var queue = window.KamereOfflineQueue;
  var form = document.querySelector("form.report-form");
  var configElement = document.getElementById("offline-config");
  if (!queue || !form || !configElement) return;
  if (!("serviceWorker" in navigator) || !window.indexedDB || !window.createImageBitmap) return;

  // An attention item's link opens it in the form: its address plus this and its key.
  var OPEN = "#offline-report-";
  // How long the check before sending may take before the report is kept instead.
  var CHECK_TIMEOUT_MS = 10000;

  var config = JSON.parse(configElement.textContent);
  var box = document.getElementById("offline-reports");
  var list = document.getElementById("offline-reports-list");
  var count = document.getElementById("offline-reports-count");
  var status = document.getElementById("offline-status");
  var note = document.getElementById("offline-note");
  var labels = box.dataset;
  var photoInput = form.querySelector("input[type=file]");
  var submitButton = form.querySelector("[type=submit]");
  var target = location.pathname + location.search;
  var formKey = queue.newKey();
  // The kept report shown in the form to be mended, and the photo file put back for it.
  var opened = null;
  var openedFile = null;
  var busy = false;

  navigator.serviceWorker.register(config.worker, { scope: config.scope }).catch(function () {
    // No worker (a private window, an old browser): the form still posts as before.
  });

  function cameraOf(address) {
    var number = new URL(address, location.href).searchParams.get("camera");
    return number && /^\d{1,9}$/.test(number) ? number : null;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function say(text, kind) {
    status.className = "notice notice--" + kind;
    status.hidden = false;
    status.textContent = "";
    // Shown first, then filled: screen readers announce a change of a live region they
    // already know, not one that appears with its text.
    setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function when(iso) {
    return new Date(iso).toLocaleString(document.documentElement.lang, {
      dateStyle: "medium",
      timeStyle: "short",
    });
  }

  function entry(item) {
    var kinds = { waiting: "info", sent: "success", attention: "error" };
    var li = element("li", "notice notice--" + (kinds[item.status] || "info"));
    var about = labels.savedOn.replace("{date}", when(item.createdAt));
    if (item.camera) about += " (" + labels.camera.replace("{number}", item.camera) + ")";
    li.appendChild(element("p", null, about));
    li.appendChild(element("p")).appendChild(element("strong", null, labels[item.status]));
    if (item.status === "sent" && item.followUrl) {
      var follow = element("a", null, labels.follow);
      follow.href = item.followUrl;
      li.appendChild(element("p")).appendChild(follow);
    }
    if (item.status === "attention") {
      if (item.errors && item.errors.length) {
        var errors = li.appendChild(element("ul"));
        item.errors.forEach(function (error) {
          errors.appendChild(element("li", null, error));
        });
      }
      var open = element("a", null, labels.open);
      open.href = item.target.split("#")[0] + OPEN + item.id;
      li.appendChild(element("p")).appendChild(open);
    }
    var remove = element("button", "button", labels.remove);
    remove.type = "button";
    remove.addEventListener("click", function () {
      if (item.status !== "sent" && !window.confirm(labels.confirmRemove)) return;
      if (opened && opened.id === item.id) opened = null;
      queue.remove(item.id).then(render);
    });
    li.appendChild(element("p")).appendChild(remove);
    return li;
  }

  function render() {
    return queue.all().then(function (items) {
      list.textContent = "";
      items.forEach(function (item) {
        list.appendChild(entry(item));
      });
      var waiting = items.filter(function (item) {
        return item.status === "waiting";
      }).length;
      count.textContent = labels.count.replace("{count}", waiting);
      count.hidden = !waiting;
      box.hidden = !items.length;
    });
  }

  // The worker's copy of the form, shown for want of a network (offline-worker.js).
  var isCopy = document.documentElement.hasAttribute("data-offline-copy");

  function showOfflineNote() {
    if (navigator.onLine && !isCopy) {
      note.hidden = true;
      return;
    }
    var text = note.dataset.offline;
    var camera = cameraOf(target);
    if (camera) text += " " + note.dataset.camera.replace("{number}", camera);
    note.textContent = text;
    note.hidden = false;
  }

  function syncLater() {
    navigator.serviceWorker.ready
      .then(function (registration) {
        if (registration.sync) return registration.sync.register(queue.SYNC_TAG);
      })
      .catch(function () {
        // No Background Sync: the next visit or `online` event sends it.
      });
  }

  function sendNow() {
    if (!navigator.onLine) return Promise.resolve();
    return queue.sendAll(config).then(
      function (result) {
        if (result && (result.later || result.offline)) syncLater();
        return render();
      },
      function () {
        syncLater();
      }
    );
  }

  // The form's fields as the queue keeps them ([name, value] pairs, as FormData has them).
  function fieldsOf() {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" || name === "client_key") return;
      if (photoInput && name === photoInput.name) return;
      fields.push([name, value]);
    });
    return fields;
  }

  function keptPhoto() {
    var file = photoInput && photoInput.files[0];
    if (!file) return Promise.resolve(null);
    if (opened && file === openedFile) return Promise.resolve(opened.photo);
    return queue.downscale(file);
  }

  function isQuotaError(error) {
    return error && (error.name === "QuotaExceededError" || error.code === 22);
  }

  // Keeps the report on the device, under `key`; resolves to whether it was kept.
  function keep(key) {
    var fields = fieldsOf();
    return keptPhoto()
      .then(
        function (photo) {
          return queue.hasRoom(photo ? photo.size : 0).then(function (room) {
            if (!room) {
              say(status.dataset.full, "error");
              return false;
            }
            var item = {
              id: key,
              target: opened ? opened.target : target,
              fields: fields,
              photo: photo,
              photoField: photoInput ? photoInput.name : "photo",
              createdAt: opened ? opened.createdAt : new Date().toISOString(),
              status: "waiting",
            };
            item.camera = cameraOf(item.target);
            return queue.put(item).then(function () {
              if (navigator.storage && navigator.storage.persist) {
                // Ask the browser not to clear the queue when the device runs short of space.
                navigator.storage.persist().catch(function () {});
              }
              syncLater();
              form.reset();
              opened = openedFile = null;
              formKey = queue.newKey();
              if (location.hash.indexOf(OPEN) === 0) history.replaceState(null, "", target);
              say(status.dataset.kept, "success");
              return render().then(function () {
                return true;
              });
            });
          });
        },
        function () {
          say(status.dataset.photoFailed, "error");
          return false;
        }
      )
      .catch(function (error) {
        if (!isQuotaError(error)) throw error;
        say(status.dataset.full, "error");
        return false;
      });
  }

  function setHidden(name, value) {
    var input = form.elements.namedItem(name);
    if (!input) {
      input = element("input");
      input.type = "hidden";
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  // The form page from the network: a fresh CSRF token (the page may be the kept copy,
  // whose token is nobody's) and the proof that the site answers. Rejects when it does not.
  function freshToken() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () {
      if (controller) controller.abort();
    }, CHECK_TIMEOUT_MS);
    return fetch(target, {
      credentials: "same-origin",
      cache: "no-store",
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      clearTimeout(timer);
      return response.text().then(queue.csrfToken);
    });
  }

  function done() {
    busy = false;
    submitButton.disabled = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    submitButton.disabled = true;
    if (opened) {
      // A kept report mended: kept again with its own key, and sent from the queue.
      keep(opened.id).then(sendNow).then(done, done);
      return;
    }
    if (!navigator.onLine) {
      keep(formKey).then(done, done);
      return;
    }
    freshToken().then(
      function (token) {
        if (token) setHidden("csrfmiddlewaretoken", token);
        // The same key for each try of this form: the server makes one report of them.
        setHidden("client_key", formKey);
        // The form posts as it always did: the site's answer is the next page.
        form.submit();
      },
      function () {
        // No network after all (a signal that comes and goes): keep it.
        keep(formKey).then(done, done);
      }
    );
  });

  function fill(item) {
    form.reset();
    item.fields.forEach(function (field) {
      var control = form.elements.namedItem(field[0]);
      if (!control) return;
      var controls = control.length !== undefined && !control.options ? control : [control];
      Array.prototype.forEach.call(controls, function (input) {
        if (input.type === "checkbox" || input.type === "radio") {
          if (input.value === field[1]) input.checked = true;
        } else if (input.type !== "file") {
          input.value = field[1];
        }
      });
    });
    openedFile = null;
    if (item.photo && photoInput && window.DataTransfer) {
      var files = new DataTransfer();
      openedFile = new File([item.photo], "photo.jpg", { type: item.photo.type });
      files.items.add(openedFile);
      photoInput.files = files.files;
    }
    // The map's marker follows the coordinates (static/map/report-map.js).
    form.querySelectorAll("input[name=latitude], input[name=longitude]").forEach(function (input) {
      input.dispatchEvent(new Event("change"));
    });
    opened = item;
    var text = status.dataset.opened;
    if (item.errors && item.errors.length) text += " " + item.errors.join(" ");
    say(text, "info");
  }

  function openFromAddress() {
    if (location.hash.indexOf(OPEN) !== 0) return;
    queue.get(location.hash.slice(OPEN.length)).then(function (item) {
      if (item && item.status !== "sent") fill(item);
    });
  }

  if (window.BroadcastChannel) {
    // The worker, or another tab, sent or changed something.
    new BroadcastChannel(queue.CHANNEL).onmessage = render;
  }
  window.addEventListener("online", function () {
    isCopy = false;
    showOfflineNote();
    sendNow();
  });
  window.addEventListener("offline", showOfflineNote);
  window.addEventListener("hashchange", openFromAddress);
  showOfflineNote();
  render().then(openFromAddress).then(sendNow);
})();
