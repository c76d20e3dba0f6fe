"""`make mutation` (tests/mutation/run.py) is too slow for every run of the suite; these keep it
from rotting: its configuration names files that exist, and a dry run lists mutants from a
throw-away copy without touching the working tree."""

import hashlib

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import MutationSpec, WorkerOutcome, WorkItem, WorkResult
from cosmic_ray.work_item import TestOutcome as Outcome  # "Test…" would be collected

from tests.mutation import run

# The modules holding the rules issue 16 named; dropping one from the run is a decision.
RULE_MODULES = {
    "home/ratelimit.py",
    "home/accounts/staff_mfa.py",
    "knowledge/review.py",
    "knowledge/glossary.py",
    "map/moderation.py",
    "map/geo.py",
    "campaigns/petitions/models.py",
    "campaigns/petitions/pages.py",
    "campaigns/petitions/signing.py",
}


def test_the_configuration_names_the_rule_modules_and_existing_tests():
    config = run.load_config()
    assert run.problems(config) == []
    assert {module["path"] for module in config["module"]} >= RULE_MODULES
    for module in config["module"]:
        assert module["tests"], module["path"]
        assert all(test.startswith("tests/") and "browser" not in test for test in module["tests"])
        assert module["timeout"] >= 60


def test_a_missing_test_file_is_named():
    config = run.load_config()
    config["module"][0]["tests"].append("tests/test_gone.py")
    assert run.problems(config) == [
        f"{config['module'][0]['path']}: tests/test_gone.py does not exist"
    ]


def test_list_prints_each_module_with_its_tests(capsys):
    assert run.main(["--list", "glossary"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("knowledge/glossary.py: tests/knowledge/")
    assert " tests/knowledge/test_glossary_links.py" in out
    assert "ratelimit" not in out


def test_a_dry_run_counts_mutants_in_a_copy_and_leaves_the_working_tree_alone(capsys):
    module = run.REPO / "knowledge" / "review.py"
    before = hashlib.sha256(module.read_bytes()).hexdigest()

    assert run.main(["--dry-run", "knowledge/review.py"]) == 0

    out = capsys.readouterr().out
    working = out.splitlines()[0].removeprefix("Working in ")
    assert not working.startswith(str(run.REPO))
    line = out.splitlines()[1]
    assert line.startswith("knowledge/review.py: ")
    assert int(line.split()[1]) >= 10  # mutants
    assert hashlib.sha256(module.read_bytes()).hexdigest() == before
    assert not (run.REPO / "portal" / "settings" / "mutation.py").exists()


def session_with(path, outcomes):
    """A cosmic-ray session at `path` with one finished mutant of knowledge/review.py per
    outcome, the line it changed being the outcome's name."""
    items = []
    with use_db(str(path), WorkDB.Mode.create) as db:
        for number, outcome in enumerate(outcomes):
            line = 30 + number
            mutation = MutationSpec(
                "knowledge/review.py", "core/NumberReplacer", number, (line, 4), (line, 9)
            )
            items.append(WorkItem.single(f"job-{number}", mutation))
            db.add_work_item(items[-1])
            diff = f"--- a\n+++ b\n@@ -1 +1 @@\n-was\n+{outcome.value}\n"
            db.set_result(f"job-{number}", WorkResult(WorkerOutcome.NORMAL, "", outcome, diff))
    return items


def test_survivors_mode_takes_only_the_kept_sessions_survivors(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(run, "REPORTS", tmp_path)
    survived, killed, again = session_with(
        tmp_path / "knowledge-review.sqlite",
        [Outcome.SURVIVED, Outcome.KILLED, Outcome.SURVIVED],
    )

    assert run.main(["--survivors", "--dry-run", "review"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "knowledge/review.py: 2 survivor(s) to re-run",
        "  survived knowledge/review.py:30 NumberReplacer: survived",
        "  survived knowledge/review.py:32 NumberReplacer: survived",
    ]
    # What cosmic-ray runs: a session of the survivors alone, the same mutations, none run yet.
    kept = run.kept_session({"path": "knowledge/review.py"})
    fresh = run.survivors_session(tmp_path / "again.sqlite", run.survivors(kept))
    with use_db(str(fresh), WorkDB.Mode.open) as db:
        assert sorted(db.pending_work_items, key=lambda item: item.job_id) == [survived, again]
        assert db.num_results == 0
    assert killed not in [item for item, _result in run.survivors(kept)]


def test_survivors_mode_without_a_kept_session_says_to_run_the_module_first(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(run, "REPORTS", tmp_path)
    assert run.main(["--survivors", "--dry-run", "glossary"]) == 0
    assert capsys.readouterr().out == (
        f"knowledge/glossary.py: no session in {tmp_path}; run the module first\n"
    )
