"""The campaigns' models and their migrations say the same.

A field option changed without a migration (a default, `null`, `editable`, `unique`, a length)
is not in the database the site runs on: its tables would keep the migrated schema while the
code believes another. `make check` asks the same of every app; here it runs with the tests,
so that `make mutation` counts such a change in the petitions' models as caught.
"""

from io import StringIO

import pytest
from django.core.management import call_command

# makemigrations reads which migrations the database has applied.
pytestmark = pytest.mark.django_db


def test_the_campaigns_models_need_no_new_migration():
    output = StringIO()
    try:
        call_command("makemigrations", "campaigns", check=True, dry_run=True, stdout=output)
    except SystemExit:
        pytest.fail(f"The campaigns' models differ from their migrations:\n{output.getvalue()}")
