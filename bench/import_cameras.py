"""How long `manage.py import_cameras` takes for 100,000 OpenStreetMap nodes.

    .venv/bin/python bench/import_cameras.py [--nodes N] [--database-url URL]

Writes N (default 100,000) synthetic camera nodes over Belgrade, with tags as real exports
have them (some messy directions, a few guards), to an Overpass JSON file in a temporary
directory. Then, in subprocesses with clean development settings: migrates a fresh SQLite
database in that directory (or the database at --database-url, which must hold no
cameras yet: use a scratch database), loads the demo municipalities (so every camera is
also assigned a municipality from the boundaries), and times three imports, wall-clock,
command start-up included:

1. the file into the empty camera table (creates),
2. the same file again (nothing changes),
3. the file with every node's tags changed (updates).

The target is under 60 s each on a 2-core machine.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Around Belgrade, a little wider than the demo municipalities so some fall outside them all.
AREA = {"south": 44.25, "north": 45.05, "west": 20.00, "east": 20.90}
DIRECTIONS = ["90", "270", "45", "0", "360", "NE", "SW", "north", "90-270", "300-60", "45;135"]


def synthetic_nodes(count, seed, changed=False):
    """Overpass elements like a real export's; `changed` alters every node's tags."""
    rng = random.Random(seed)  # noqa: S311 (repeatable test data, not secrets)
    elements = []
    for number in range(1, count + 1):
        tags = {"man_made": "surveillance"}
        roll = rng.random()
        if roll < 0.85:
            tags["surveillance:type"] = "camera"
        elif roll < 0.86:
            tags["surveillance:type"] = rng.choice(["guard", "ALPR"])
        if rng.random() < 0.8:
            tags["surveillance"] = rng.choice(["public", "outdoor", "indoor"])
        if rng.random() < 0.7:
            tags["camera:type"] = rng.choice(["fixed", "dome", "panning"])
        if rng.random() < 0.65:
            tags["camera:mount"] = rng.choice(["wall", "pole", "ceiling", "street_lamp"])
        if rng.random() < 0.3:
            tags["camera:direction"] = rng.choice([*DIRECTIONS, str(rng.randrange(360))])
        if rng.random() < 0.3:
            tags["surveillance:zone"] = rng.choice(["town", "traffic", "parking", "shop"])
        if rng.random() < 0.1:
            tags["operator"] = rng.choice(["MUP Srbije", "Grad Beograd", "Privatno"])
        if changed:
            tags["check_date"] = "2026-01-01"
            tags["camera:type"] = "dome" if tags.get("camera:type") != "dome" else "fixed"
        elements.append(
            {
                "type": "node",
                "id": 10_000_000_000 + number,
                "lat": round(rng.uniform(AREA["south"], AREA["north"]), 7),
                "lon": round(rng.uniform(AREA["west"], AREA["east"]), 7),
                "tags": tags,
            }
        )
    return {"version": 0.6, "generator": "bench/import_cameras.py", "elements": elements}


def manage(environment, *args):
    completed = subprocess.run(  # noqa: S603 (our own manage.py and arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{completed.stdout}{completed.stderr}")
    return completed.stdout


def timed_import(environment, path, expect):
    start = time.perf_counter()
    output = manage(environment, "import_cameras", str(path))
    seconds = time.perf_counter() - start
    summary = re.search(r"Created (\d+), updated (\d+), unchanged (\d+), skipped (\d+)", output)
    counts = dict(
        zip(["created", "updated", "unchanged", "skipped"], summary.groups(), strict=True)
    )
    if int(counts[expect]) == 0:
        sys.exit(f"Expected cameras to be {expect}, got: {output}")
    return seconds, {name: int(value) for name, value in counts.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--database-url", help="e.g. postgres://user:password@localhost/scratch")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-import-") as directory:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "VAR_DIR": directory,
        }
        environment.pop("DATABASE_URL", None)
        if arguments.database_url:
            environment["DATABASE_URL"] = arguments.database_url
        first = Path(directory) / "cameras.overpass.json"
        first.write_text(json.dumps(synthetic_nodes(arguments.nodes, seed=1)))
        changed = Path(directory) / "cameras-changed.overpass.json"
        changed.write_text(json.dumps(synthetic_nodes(arguments.nodes, seed=1, changed=True)))
        size_mb = first.stat().st_size / 1_000_000

        manage(environment, "migrate", "--noinput", "--verbosity", "0")
        manage(environment, "createcachetable")
        manage(
            environment,
            "shell",
            "--verbosity",
            "0",
            "--command",
            "from wagtail.models import Locale; from map.demo import seed_demo_map; "
            "seed_demo_map(Locale.objects.get_or_create(language_code='en')[0])",
        )
        database = "PostgreSQL" if arguments.database_url else "SQLite"
        print(f"{arguments.nodes} synthetic OSM nodes ({size_mb:.1f} MB), {database}:")

        seconds, counts = timed_import(environment, first, "created")
        print(f"Imported {arguments.nodes} nodes in {seconds:.1f} s ({counts})")
        seconds, counts = timed_import(environment, first, "unchanged")
        print(f"Re-imported {arguments.nodes} nodes in {seconds:.1f} s ({counts})")
        seconds, counts = timed_import(environment, changed, "updated")
        print(f"Re-imported {arguments.nodes} changed nodes in {seconds:.1f} s ({counts})")


if __name__ == "__main__":
    main()
