"""How long a walk across a city-sized street graph takes (map/streets/routing.py).

    .venv/bin/python bench/street_route.py [--cameras N] [--grid G] [--routes R]
        [--database-url URL]

On a throwaway database: bench/street_coverage.py's grid (G=158: 49,612 segments 80 m long,
a city of 12.6 km square) and N cameras, their coverage computed. Then, in this process: the
graph's build (what the first walk after a change of the camera data costs), and R random
walks from the city's western quarter to its eastern one, each kind timed on its own
(`route`: snapping both points, the search, the line, the steps and the cameras passed),
beside the baseline in the same run: networkx's plain `dijkstra_path` between the same
junctions on the same graph, by the same weight. Target (issue 21): under 300 ms p95.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 300


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cameras", type=int, default=10_000)
    parser.add_argument("--grid", type=int, default=158)
    parser.add_argument("--routes", type=int, default=50)
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    args = parser.parse_args()

    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from bbox_query import django_on_a_throwaway_database

    with django_on_a_throwaway_database(args.database_url):
        import networkx as nx
        from django.core.management import call_command
        from street_coverage import create

        from map.streets.coverage import compute_coverage
        from map.streets.routing import build_street_graph, route, snap

        call_command("migrate", verbosity=0)
        count = create(args.grid, args.cameras)
        started = time.perf_counter()
        compute_coverage()
        coverage_s = time.perf_counter() - started
        started = time.perf_counter()
        streets = build_street_graph()
        build_s = time.perf_counter() - started
        print(
            f"{count:,} segments, {args.cameras:,} cameras; coverage computed in "
            f"{coverage_s:.1f} s; graph of {streets.graph.number_of_nodes():,} junctions and "
            f"{streets.graph.number_of_edges():,} pieces built in {build_s:.2f} s"
        )
        # The city's corners in degrees.
        (west, south), (east, north) = streets.bounds[0][::-1], streets.bounds[1][::-1]
        rng = random.Random(21)  # noqa: S311 (repeatable test data, not secrets)
        times = {"shortest": [], "least_watched": [], "dijkstra length": [], "dijkstra watched": []}
        lengths = []
        for _ in range(args.routes):
            start = (
                rng.uniform(west, west + (east - west) / 4),
                rng.uniform(south, north),
            )
            end = (
                rng.uniform(east - (east - west) / 4, east),
                rng.uniform(south, north),
            )
            found = {}
            for kind, weight in (("shortest", "length"), ("least_watched", "watched")):
                began = time.perf_counter()
                from_snap = snap(streets, *start, "from")
                to_snap = snap(streets, *end, "to")
                found[kind] = route(streets, from_snap, to_snap, kind, weight)
                times[kind].append(time.perf_counter() - began)
            lengths.append((found["shortest"].length_m, found["least_watched"].length_m))
            source = streets.edges[from_snap.edge][0]
            target = streets.edges[to_snap.edge][0]
            for weight in ("length", "watched"):
                began = time.perf_counter()
                nx.dijkstra_path(streets.graph, source, target, weight=weight)
                times[f"dijkstra {weight}"].append(time.perf_counter() - began)
    print(f"{args.routes} walks across the city (ms):      p50     p95     max")
    for name, values in times.items():
        ms = [value * 1000 for value in values]
        label = {
            "shortest": "route, shortest (A*)",
            "least_watched": "route, least-watched (A*)",
            "dijkstra length": "baseline: nx.dijkstra_path, length",
            "dijkstra watched": "baseline: nx.dijkstra_path, watched",
        }[name]
        print(f"  {label:38} {percentile(ms, 0.5):7.1f} {percentile(ms, 0.95):7.1f} {max(ms):7.1f}")
    detour = statistics.mean(watched / shortest for shortest, watched in lengths)
    print(f"The least-watched walk is on average {detour:.2f} x the shortest's length.")
    worst = max(percentile(times[kind], 0.95) for kind in ("shortest", "least_watched")) * 1000
    print(f"Target: p95 under {TARGET_MS} ms (measured {worst:.0f} ms).")
    sys.exit(0 if worst < TARGET_MS else 1)


if __name__ == "__main__":
    main()
