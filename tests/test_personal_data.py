"""The record of processing (home/personal_data.py) against the models, the schedule and the
README: a field that looks personal cannot be added without a rule, a rule cannot outlive its
field, and the README's table cannot drift from the record."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import get_commands
from django.db import models

from home import personal_data
from home.demo_content import PRIVACY
from home.management.commands.run_schedule import JOBS

README = Path(settings.BASE_DIR) / "README.md"
START = "<!-- record-of-processing:start -->"
END = "<!-- record-of-processing:end -->"

# Words in a text field's name that say it may hold who someone is or what they wrote; a
# "client" is a person's browser, known by their address or its pseudonym.
PERSONAL_WORDS = re.compile(
    r"(^|_)(e?mail|emails|name|names|username|phone|mobile|ip|address|contact|client|"
    r"note|notes|message|comment|text)(_|$)"
)


def looks_personal(field):
    """Why a field looks like personal data, or None: an address, a name, a phone, an IP, a
    contact or a free text by its name; a link to an account; an uploaded file (the public's
    photos, editors' avatars); JSON, which holds whatever it is given (task arguments, log
    details, second factors)."""
    if isinstance(field, (models.EmailField, models.GenericIPAddressField)):
        return "an address"
    if field.is_relation and field.related_model is not None:
        if field.related_model._meta.label == settings.AUTH_USER_MODEL:
            return "a link to an account"
        return None
    if isinstance(field, models.FileField):
        return "an uploaded file"
    if isinstance(field, models.JSONField):
        return "JSON"
    if isinstance(field, (models.CharField, models.TextField)) and PERSONAL_WORDS.search(
        field.name
    ):
        return "its name"
    return None


def all_fields():
    """Every stored field of every installed model, ours and third-party apps', named as the
    record names them. Inherited fields belong to the model that declares them."""
    return {
        f"{model._meta.label}.{field.name}": field
        for model in apps.get_models()
        for field in model._meta.local_concrete_fields
    }


def test_every_field_that_looks_personal_has_a_rule_or_a_reviewed_exclusion():
    named = personal_data.personal_fields() | set(personal_data.NOT_PERSONAL)
    missing = {
        name: reason
        for name, field in all_fields().items()
        if (reason := looks_personal(field))
        and name not in named
        and field.model._meta.label not in named
    }
    assert not missing, (
        "Fields that look personal (by the reason given) but are neither in a Record of "
        f"home/personal_data.py nor in its NOT_PERSONAL: {missing}"
    )


def test_the_record_names_only_fields_that_exist():
    existing = set(all_fields()) | {model._meta.label for model in apps.get_models()}
    stale = (personal_data.personal_fields() | set(personal_data.NOT_PERSONAL)) - existing
    assert not stale, f"home/personal_data.py names fields that no longer exist: {stale}"


def test_no_field_is_both_personal_and_excluded_nor_in_two_records():
    assert not personal_data.personal_fields() & set(personal_data.NOT_PERSONAL)
    named = [field for record in personal_data.RECORDS for field in record.fields]
    assert len(named) == len(set(named))
    assert all(reason.strip() for reason in personal_data.NOT_PERSONAL.values())


def test_every_record_has_its_rule_and_its_removing_jobs_are_scheduled():
    scheduled = {name for name, _interval in JOBS}
    commands = get_commands()
    for record in personal_data.RECORDS:
        assert record.purpose and record.basis and record.kept, record.title
        for job in record.removed_by:
            assert job in commands, f"{record.title}: no command {job}"
            assert job in scheduled, f"{record.title}: {job} is not in run_schedule's JOBS"


def test_the_readme_table_is_the_record():
    text = README.read_text()
    assert START in text and END in text, "README.md lacks the record of processing's markers"
    table = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert table == personal_data.markdown_table().strip(), (
        "README.md's record of processing differs from home/personal_data.py: paste the "
        "output of `.venv/bin/python -m home.personal_data` between its markers"
    )


def test_the_privacy_page_tells_the_same_rules_in_both_languages():
    """The demo privacy page says, in each language, for how long each kind of data is kept:
    every figure of the record's retention rules."""
    figures = {
        figure for record in personal_data.RECORDS for figure in re.findall(r"\d+", record.kept)
    }
    assert figures
    for language in ("sr", "en"):
        text = " ".join(str(block["value"]) for block in PRIVACY[language]["body"])
        for figure in figures:
            assert re.search(rf"\b{figure}\b", text), (language, figure)
