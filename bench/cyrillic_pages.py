"""What a Cyrillic page costs the server beside the same Latin page (issue 22: at most 15 %).

    .venv/bin/python bench/cyrillic_pages.py [--runs 15] [--database-url URL]

Builds a throwaway site (the test settings, the demo content of `seed_demo`) and renders one
page of every page type, and the site's own routes, with Django's test client in this process,
without the page cache (a miss every time: the cost of the render, which a cached page does not
pay at all). Latin and Cyrillic renders alternate, so the machine's noise falls on both alike.
Prints, per address, the median of `--runs` renders in each script and the Cyrillic one's extra
time; then the total over all addresses. The Cyrillic page is the Latin page's render plus its
transliteration (home/scripts.py `CyrillicMiddleware`).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 0.15


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    args = parser.parse_args()

    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    os.chdir(ROOT)
    from bbox_query import django_on_a_throwaway_database

    with django_on_a_throwaway_database(args.database_url):
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import override_settings
        from wagtail.models import Page

        from home.languages import default_language

        call_command("migrate", verbosity=0)
        with open(os.devnull, "w") as quiet:
            call_command("seed_demo", verbosity=0, stdout=quiet)
        paths = addresses(Page, default_language())
        middleware = [name for name in settings.MIDDLEWARE if "page_cache" not in name]
        client = Client()
        with override_settings(MIDDLEWARE=middleware, ALLOWED_HOSTS=["*"]):
            for path in paths:  # warm: imports, templates, the shared cache's figures
                for prefix in ("", "/cir"):
                    assert client.get(prefix + path).status_code == 200, prefix + path
            print(f"{'address':44} {'Latin ms':>9} {'Cyrillic ms':>12} {'extra':>7}")
            totals = {"": 0.0, "/cir": 0.0}
            for path in paths:
                timings = {"": [], "/cir": []}
                for _ in range(args.runs):
                    for prefix in ("", "/cir"):
                        started = time.perf_counter()
                        client.get(prefix + path)
                        timings[prefix].append(time.perf_counter() - started)
                latin, cyrillic = (statistics.median(timings[p]) * 1000 for p in ("", "/cir"))
                totals[""] += latin
                totals["/cir"] += cyrillic
                print(f"{path:44} {latin:9.1f} {cyrillic:12.1f} {cyrillic / latin - 1:7.1%}")
            extra = totals["/cir"] / totals[""] - 1
            print(
                f"{'all of them':44} {totals['']:9.1f} {totals['/cir']:12.1f} {extra:7.1%}"
                f"   (limit {LIMIT:.0%}: {'met' if extra <= LIMIT else 'NOT met'})"
            )


def addresses(Page, language):
    """One live Serbian page of each page type, and the site's own routes."""
    seen, paths = set(), []
    pages = Page.objects.live().filter(locale__language_code=language).order_by("path")
    for page in pages.specific():
        kind = type(page).__name__
        if kind not in seen and page.url:
            seen.add(kind)
            paths.append(page.url)
    return [*paths, "/mapa/prijava/", "/mapa/ulice/", "/pretraga/?q=kamere"]


if __name__ == "__main__":
    main()
