// The sign form's proof of work (campaigns/proof_of_work.py): the ALTCHA widget's texts in the
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
