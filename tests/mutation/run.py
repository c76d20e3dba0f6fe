"""`make mutation`: how many small faults in the rules that protect people the tests catch.

For each module of tests/mutation/modules.toml, cosmic-ray makes one mutant per small change
(a number one more or less, `<` for `<=`, `and` for `or`, True for False, a decorator removed,
...) and runs only that module's tests against it; a mutant the tests pass "survived". The
score is killed / (killed + survived), printed per module with each survivor's file:line and
its change.

cosmic-ray changes the module's file in place, so everything happens in a throw-away copy of
the working tree (uncommitted changes included) under the system's temporary directory; the
working tree is only read. The tests run on SQLite: the test database is migrated once, kept
as a file and copied back before each run, so a run costs Django's start and the tests, not
the migrations.

    .venv/bin/python tests/mutation/run.py [MODULE ...]   # all, or paths/parts of them
    .venv/bin/python tests/mutation/run.py --list         # the modules and their tests
    .venv/bin/python tests/mutation/run.py --dry-run      # count the mutants, run nothing
    .venv/bin/python tests/mutation/run.py --survivors    # re-run only the last survivors

Each module's session (cosmic-ray's SQLite file, for `cr-report`/`cr-html`) and the printed
report are kept in var/mutation/. `--survivors` re-runs against the current tests only the
mutants that survived in a module's kept session (minutes, not an hour: to check that new
tests kill them) and records their new outcomes in that session.
"""

import argparse
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome

REPO = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("modules.toml")
REPORTS = REPO / "var" / "mutation"
BIN = Path(sys.executable).parent
# What the copy leaves out: the environment, data, caches and git's history.
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "var",
    "node_modules",
    "staticfiles",
    ".hypothesis",
    ".pytest_cache",
    ".ruff_cache",
    "__pycache__",
    "*.pyc",
    "*.sqlite3",
)
# Written into the copy only: the test settings on the file database named by the environment.
SETTINGS = '''"""The test settings on a file database (tests/mutation/run.py, in its copy only)."""

import os

from .test import *  # noqa: F403
from .test import DATABASES

DATABASES["default"]["TEST"] = {"NAME": os.environ["MUTATION_TEST_DB"]}
'''


def load_config(path=CONFIG):
    with open(path, "rb") as handle:
        config = tomllib.load(handle)
    for module in config["module"]:
        module.setdefault("timeout", config["timeout"])
    return config


def problems(config, root=REPO):
    """What in the configuration names nothing: a module or test file that is not there."""
    found = []
    for module in config["module"]:
        for path in [module["path"], *module["tests"]]:
            if not (root / path).is_file():
                found.append(f"{module['path']}: {path} does not exist")
    return found


def select(modules, wanted):
    """The modules named (a path or a part of one, e.g. `ratelimit`), all when none is."""
    if not wanted:
        return list(modules)
    chosen = [m for m in modules if any(w in m["path"] for w in wanted)]
    missing = [w for w in wanted if not any(w in m["path"] for m in modules)]
    if missing:
        raise SystemExit(f"Not in {CONFIG.name}: {', '.join(missing)}")
    return chosen


def make_copy():
    """A copy of the working tree for cosmic-ray to change, with the mutation settings."""
    copy = Path(tempfile.mkdtemp(prefix="kamere-mutation-")) / "repo"
    if copy.resolve().is_relative_to(REPO):
        raise SystemExit("The throw-away copy must lie outside the working tree.")
    shutil.copytree(REPO, copy, ignore=COPY_IGNORE, symlinks=True)
    (copy / "portal" / "settings" / "mutation.py").write_text(SETTINGS)
    (copy / "var").mkdir()
    return copy


def migrate(copy):
    """The migrated test database, kept in one file that each test run starts from a copy of.

    Migrated, not left behind by a test run: a transactional test empties the database when
    it ends (and the next one restores it), so the last one would leave it empty.
    """
    pristine = copy / "var" / "pristine.sqlite3"
    if not pristine.exists():
        env = dict(environment(), DJANGO_SETTINGS_MODULE="portal.settings.test")
        env["DATABASE_URL"] = f"sqlite:///{pristine}"
        manage = [str(BIN / "python"), "manage.py"]
        subprocess.run(  # noqa: S603 (the venv's tools, our own arguments)
            [*manage, "migrate", "--run-syncdb", "--noinput", "-v0"], cwd=copy, env=env, check=True
        )
        with sqlite3.connect(pristine) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return pristine


def test_command(copy, tests):
    """The command that runs `tests` once, from a fresh copy of the migrated database, stopping
    at the first failure."""
    pristine, work = copy / "var" / "pristine.sqlite3", copy / "var" / "work.sqlite3"
    pytest = [str(BIN / "python"), "-m", "pytest", "-x", "-q", "-p", "no:xdist"]
    pytest += ["-p", "no:cacheprovider", "--reuse-db", *tests]
    restore = f"cp {pristine} {work} && rm -f {work}-wal {work}-shm && exec "
    return ["sh", "-c", restore + shlex.join(["env", f"MUTATION_TEST_DB={work}", *pytest])]


def environment():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.mutation")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("DATABASE_URL", None)  # SQLite: one file to keep and copy
    return env


def cosmic_config(module, command, timeout, exclude):
    lines = [
        "[cosmic-ray]",
        f"module-path = {module['path']!r}",
        f"timeout = {float(timeout)}",
        "excluded-modules = []",
        f"test-command = {shlex.join(command)!r}",
        "",
        "[cosmic-ray.distributor]",
        'name = "local"',
        "",
        "[cosmic-ray.filters.operators-filter]",
        f"exclude-operators = [{', '.join(repr(e) for e in exclude)}]",
    ]
    return "\n".join(lines) + "\n"


def slug(module):
    """The name of a module's files: "home/ratelimit.py" -> "home-ratelimit"."""
    return module["path"].replace("/", "-").removesuffix(".py")


def prepare(copy, module, exclude, timeout):
    """cosmic-ray's configuration and session for `module`, its mutants listed (none run)."""
    config, session = copy / "var" / f"{slug(module)}.toml", copy / "var" / f"{slug(module)}.sqlite"
    command = test_command(copy, module["tests"])
    config.write_text(cosmic_config(module, command, timeout, exclude))
    for tool in (["cosmic-ray", "init"], ["cr-filter-operators"]):
        args = [str(config), str(session)] if tool[-1] == "init" else [str(session), str(config)]
        subprocess.run(  # noqa: S603 (the venv's tools, our own arguments)
            [str(BIN / tool[0]), *tool[1:], *args], cwd=copy, check=True
        )
    return config, session


def count(session):
    """(mutants to run, mutants filtered out) in a session."""
    with use_db(str(session), WorkDB.Mode.open) as db:
        return db.num_work_items - db.num_results, db.num_results


def changed_lines(diff):
    """(the lines a mutant's diff removes, those it adds), without the file names."""
    lines = (diff or "").splitlines()
    removed = [line[1:].strip() for line in lines if line[:1] == "-" and line[:3] != "---"]
    return removed, [line[1:].strip() for line in lines if line[:1] == "+" and line[:3] != "+++"]


def outcomes(session):
    """Each finished mutant: (outcome, module path, line, operator, the changed line)."""
    rows = []
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if not item.mutations or result.output == "Filtered operator":
                continue
            mutation = item.mutations[0]
            changed = next(iter(changed_lines(result.diff)[1]), "")
            outcome = result.test_outcome or TestOutcome.INCOMPETENT
            rows.append(
                (
                    TestOutcome(outcome),
                    str(mutation.module_path),
                    mutation.start_pos[0],
                    mutation.operator_name.removeprefix("core/"),
                    changed,
                )
            )
    return sorted(rows, key=lambda row: (row[2], row[3]))


def baseline(copy, module, log):
    """(seconds a run of `module`'s tests takes, its timeout), or None if they fail on the
    unmutated code."""
    migrate(copy)
    started = time.monotonic()
    run = subprocess.run(  # noqa: S603 (the venv's tools, our own arguments)
        test_command(copy, module["tests"]),
        cwd=copy,
        env=environment(),
        capture_output=True,
        text=True,
    )
    took = time.monotonic() - started
    if run.returncode != 0:
        log(f"{module['path']}: its tests fail on the unmutated code; skipped.")
        log(run.stdout[-3000:])
        return None
    return took, max(module["timeout"], 4 * took)


def execute(copy, config, session, log):
    """Run every pending mutant of `session`, saying how far it got every 30 s."""
    pending, filtered = count(session)
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 (the venv's tools, our own arguments)
        [str(BIN / "cosmic-ray"), "exec", str(config), str(session)], cwd=copy, env=environment()
    )
    while process.poll() is None:
        time.sleep(30)
        done = count(session)[1] - filtered
        log(f"  {done}/{pending} after {time.monotonic() - started:.0f} s")
    return time.monotonic() - started


def run_module(copy, module, exclude, log):
    """Baseline, then every mutant of `module`; returns the printed report's lines."""
    timing = baseline(copy, module, log)
    if timing is None:
        return None
    took, timeout = timing
    config, session = prepare(copy, module, exclude, timeout)
    pending, filtered = count(session)
    log(
        f"{module['path']}: {pending} mutants ({filtered} filtered out), "
        f"{took:.0f} s a run, timeout {timeout:.0f} s"
    )
    seconds = execute(copy, config, session, log)
    REPORTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(session, REPORTS / session.name)
    return score_lines(module, outcomes(session), f"{seconds:.0f} s")


def score_lines(module, rows, took):
    """The module's score and each survivor's file:line and changed line, as printed."""
    killed = sum(row[0] == TestOutcome.KILLED for row in rows)
    survived = [row for row in rows if row[0] == TestOutcome.SURVIVED]
    incompetent = [row for row in rows if row[0] == TestOutcome.INCOMPETENT]
    tried = killed + len(survived)
    score = 100 * killed / tried if tried else 100.0
    report = [
        f"{module['path']}: {score:.1f} % killed ({killed} of {tried}), "
        f"{len(incompetent)} incompetent, {took}"
    ]
    return report + survivor_lines(survived)


def survivor_lines(rows):
    return [f"  survived {path}:{line} {op}: {changed}" for _, path, line, op, changed in rows]


def kept_session(module):
    """The module's session from its last run (var/mutation/)."""
    return REPORTS / f"{slug(module)}.sqlite"


def survivors(session):
    """(work item, result) of each mutant that survived in `session`."""
    with use_db(str(session), WorkDB.Mode.open) as db:
        return [
            (item, result)
            for item, result in db.completed_work_items
            if item.mutations and result.test_outcome == TestOutcome.SURVIVED
        ]


def survivors_session(path, items):
    """A session at `path` holding only the work items `items`, none of them run yet."""
    with use_db(str(path), WorkDB.Mode.create) as db:
        db.add_work_items([item for item, _result in items])
    return path


def rerun_survivors(copy, module, log, dry_run=False):
    """Re-run against the current tests the mutants that survived in the module's kept session,
    and record their new outcomes in it; returns the printed report's lines.

    Minutes instead of the whole run's hour, to check that new tests kill them. The mutants
    are found again by their place in the module: after it changed, a mutant may have moved
    or become another one, which the report says (its changed line differs); run the whole
    module again then.
    """
    kept = kept_session(module)
    if not kept.exists():
        return [f"{module['path']}: no session in {kept.parent}; run the module first"]
    before = survivors(kept)
    if dry_run or not before:
        rows = [row for row in outcomes(kept) if row[0] == TestOutcome.SURVIVED]
        return [f"{module['path']}: {len(before)} survivor(s) to re-run", *survivor_lines(rows)]
    timing = baseline(copy, module, log)
    if timing is None:
        return None
    took, timeout = timing
    config = copy / "var" / f"{slug(module)}.toml"
    config.write_text(cosmic_config(module, test_command(copy, module["tests"]), timeout, []))
    session = survivors_session(copy / "var" / f"{slug(module)}-survivors.sqlite", before)
    log(f"{module['path']}: {len(before)} survivor(s) to re-run, {took:.0f} s a run")
    seconds = execute(copy, config, session, log)
    with use_db(str(session), WorkDB.Mode.open) as db:
        after = {item.job_id: result for item, result in db.completed_work_items}
    moved = [
        item.mutations[0]
        for item, result in before
        if item.job_id in after
        and changed_lines(after[item.job_id].diff) != changed_lines(result.diff)
    ]
    with use_db(str(kept), WorkDB.Mode.open) as db:
        for job_id, result in after.items():
            db.set_result(job_id, result)
    killed = sum(result.test_outcome == TestOutcome.KILLED for result in after.values())
    report = [
        f"{module['path']}: {killed} of {len(before)} survivor(s) killed now, {seconds:.0f} s"
    ]
    report += [
        f"  changed since that run: {mutation.module_path}:{mutation.start_pos[0]} "
        f"{mutation.operator_name.removeprefix('core/')}"
        for mutation in moved
    ]
    return report + score_lines(module, outcomes(kept), "with the earlier run's other mutants")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="paths or parts of them (default: all)")
    parser.add_argument("--list", action="store_true", help="print the modules and their tests")
    parser.add_argument("--dry-run", action="store_true", help="count the mutants, run no test")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away copy")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="re-run only the mutants that survived in each module's kept session",
    )
    args = parser.parse_args(argv)
    config = load_config()
    found = problems(config)
    if found:
        raise SystemExit("\n".join(found))
    modules = select(config["module"], args.modules)
    if args.list:
        for module in modules:
            print(f"{module['path']}: {' '.join(module['tests'])}")
        return 0
    if args.survivors and args.dry_run:  # reads the kept sessions only: no copy
        for module in modules:
            print("\n".join(rerun_survivors(None, module, print, dry_run=True)))
        return 0
    copy = make_copy()
    print(f"Working in {copy}", flush=True)
    reports = []
    try:
        for module in modules:
            if args.survivors:
                report = rerun_survivors(copy, module, lambda m: print(m, flush=True))
                reports.append(report or [f"{module['path']}: not run (its tests fail)"])
                continue
            if args.dry_run:
                pending, filtered = count(
                    prepare(copy, module, config["exclude-operators"], module["timeout"])[1]
                )
                print(f"{module['path']}: {pending} mutants ({filtered} filtered out)")
                continue
            report = run_module(
                copy, module, config["exclude-operators"], lambda m: print(m, flush=True)
            )
            reports.append(report or [f"{module['path']}: not run (its tests fail)"])
    finally:
        if not args.keep:
            shutil.rmtree(copy.parent)
    if reports:
        text = "\n".join(line for report in reports for line in report)
        print("\n" + text)
        REPORTS.mkdir(parents=True, exist_ok=True)
        name = "survivors.txt" if args.survivors else "report.txt"
        (REPORTS / name).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
