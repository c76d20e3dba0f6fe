// The sign form's proof of work (campaigns/petitions/proof_of_work.py): the ALTCHA widget's texts in the
// page's language and its worker, both from the element's data attributes, so that this file
// and the widget (static/vendor/altcha/) are all the code, from this site. A module: it runs
// after the widget's own module, which defines the global $altcha.
const widgets = document.querySelectorAll("altcha-widget[data-worker]");
widgets.forEach((widget) => {
  const language = widget.getAttribute("language");
  const strings = JSON.parse(widget.dataset.strings);
  // Texts the page does not give (those of the code challenge, which is never used) stay
  // the widget's English ones.
  globalThis.$altcha.i18n.set(language, { ...globalThis.$altcha.i18n.get("en"), ...strings });
  const worker = widget.dataset.worker;
  globalThis.$altcha.algorithms.set("PBKDF2/SHA-256", () => new Worker(worker));
});

// "Sign" pressed while the browser is still on the check (or before it began) waits for it and
// then sends the form, instead of sending it without a proof and getting it back with an error.
widgets.forEach((widget) => {
  const form = widget.closest("form");
  if (!form) return;
  let state = "unverified";
  let waiting = null;
  widget.addEventListener("statechange", (change) => {
    state = change.detail.state;
    if (waiting && state === "verified") {
      const submitter = waiting;
      waiting = null;
      form.requestSubmit(submitter);
    } else if (state === "error" || state === "expired") {
      waiting = null;
    }
  });
  form.addEventListener("submit", (event) => {
    if (state === "verified") return;
    event.preventDefault();
    waiting = event.submitter || form.querySelector("[type=submit]");
    if (state !== "verifying") widget.verify?.();
  });
});
