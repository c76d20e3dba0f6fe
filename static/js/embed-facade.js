// Click-to-load embeds: the provider's HTML waits in an inert <template> until the
// reader presses the button, so nothing is fetched from the provider before that.
// The script tag may appear once per embed; the guard makes it set up only once.
(function () {
  "use strict";
  if (window.kamereEmbedFacade) return;
  window.kamereEmbedFacade = true;

  function setUp() {
    document.querySelectorAll("[data-embed-load]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var figure = button.closest(".embed");
        var template = figure.querySelector("template[data-embed-html]");
        var frame = document.createElement("div");
        frame.className = "embed__frame";
        frame.appendChild(document.importNode(template.content, true));
        figure.querySelector(".embed__facade").replaceWith(frame);
        var focusable = frame.querySelector("iframe, a, button, video");
        if (focusable) focusable.focus();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
