// The header's menu is a <details> that opens and closes without JavaScript. This adds what
// a menu button is expected to do besides: Escape closes it and returns focus to the button,
// and a click or focus outside it closes it, so that it never hides the page for good.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) return;
  var toggle = menu.querySelector("summary");

  function isButtonShown() {
    // On wide screens the contents sit in the header row and the button is hidden.
    return toggle.offsetParent !== null;
  }

  function close(returnFocus) {
    if (!menu.open || !isButtonShown()) return;
    menu.open = false;
    if (returnFocus) toggle.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.contains(document.activeElement)) close(true);
  });
  document.addEventListener("click", function (event) {
    if (!menu.contains(event.target)) close(false);
  });
  document.addEventListener("focusin", function (event) {
    if (!menu.contains(event.target)) close(false);
  });
})();
