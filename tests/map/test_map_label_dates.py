"""The map's script writes a camera's dates as its page does: the month's names come from the
server (Django's catalogue), in the genitive in Serbian (issue 15, H2)."""

from datetime import date

from django.template.defaultfilters import date as date_filter
from django.utils import translation

from map.templatetags.camera_map_tags import date_parts


def test_the_month_names_are_the_servers_in_serbian_and_english():
    with translation.override("sr-latn"):
        parts = date_parts()
        assert parts["months"][11] == "decembra"
        assert parts["month"] == "long"
        assert "decembra" in date_filter(date(2019, 12, 28), "DATE_FORMAT")
    with translation.override("en"):
        parts = date_parts()
        assert parts["months"][11] == "Dec."
        assert parts["month"] == "short"
        assert date_filter(date(2019, 12, 28), "DATE_FORMAT") == "Dec. 28, 2019"
    assert parts["timeZone"] == "Europe/Belgrade"
    assert len(parts["months"]) == 12
