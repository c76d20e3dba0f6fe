// Share links (templates/components/share_links.html): the copy button and, on devices that
// have one, the system's share sheet. Without JavaScript the address stays a selectable field.
// The script tag may appear once per share box; the guard makes it set up only once.
(function () {
  "use strict";
  if (window.kamereShare) return;
  window.kamereShare = true;

  function say(box, key) {
    var status = box.querySelector("[data-share-status]");
    status.textContent = status.getAttribute(key);
  }

  function setUp(box) {
    var field = box.querySelector("[data-share-url]");
    var copy = box.querySelector("[data-share-copy]");
    var native = box.querySelector("[data-share-native]");
    field.addEventListener("focus", function () {
      field.select();
    });
    if (navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(
          function () {
            say(box, "data-copied");
          },
          function () {
            field.focus();
            say(box, "data-failed");
          },
        );
      });
    }
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        // A dismissed share sheet rejects: nothing to tell the reader.
        navigator
          .share({ title: native.getAttribute("data-share-title"), url: field.value })
          .catch(function () {});
      });
    }
  }

  function setUpAll() {
    document.querySelectorAll("[data-share]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
