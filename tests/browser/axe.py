"""axe-core's accessibility check of a page in the browser tests (WCAG 2.2 AA and axe's best
practices): one rule set for every page type."""

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
RULES = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}"


def axe_violations(page, include=None):
    """Each violation's rule and the elements it found, on the whole page or only inside the
    `include` selectors. Run through the DevTools protocol: a <script> with the code inline
    would break the pages' Content-Security-Policy."""
    page.evaluate(AXE_SCRIPT.read_text())
    context = "document" if include is None else repr({"include": [[s] for s in include]})
    result = page.evaluate(f"axe.run({context}, {RULES})")
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result["violations"]]
