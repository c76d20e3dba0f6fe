"""`make mutation` (tests/mutation/run.py) is too slow for every run of the suite; these keep it
from rotting: its configuration names files that exist, and a dry run lists mutants from a
throw-away copy without touching the working tree."""

import hashlib

from tests.mutation import run

# The modules holding the rules issue 16 named; dropping one from the run is a decision.
RULE_MODULES = {
    "home/ratelimit.py",
    "home/staff_mfa.py",
    "knowledge/review.py",
    "knowledge/glossary.py",
    "map/moderation.py",
    "map/geo.py",
    "campaigns/models/petitions.py",
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
