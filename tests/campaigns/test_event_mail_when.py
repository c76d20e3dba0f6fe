"""The registration mails say when the event is as its page does: an event that ends on the
day it starts gives the date once ("18:00 to 20:00"), one that ends on a later day both dates."""

import html
import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.home.test_pages import translate

from .test_events import campaigns, event, register  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def page_when(response):
    """The page's "When" as text."""
    when = re.search(r"<dd><time [^>]*>.*?</dd>", response.text, re.S)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", when)).strip()


def mail_when(message, label):
    return re.search(rf"^{label} (.*)$", message.body, re.M)[1].strip()


@pytest.mark.parametrize(
    ("hours", "dates"),
    [(2, 1), (26, 2)],  # 18:00 to 20:00 the same day; to 20:00 the next day
)
@pytest.mark.parametrize(
    ("url", "label"), [("/kampanje/tribina/", "Kada:"), ("/en/campaigns/tribina/", "When:")]
)
def test_the_mail_writes_the_time_as_the_page_does(
    client,
    campaigns,  # noqa: F811 (the fixture)
    event,  # noqa: F811 (the fixture)
    mailoutbox,
    hours,
    dates,
    url,
    label,
):
    event.start = datetime(2030, 6, 1, 16, 0, tzinfo=UTC)  # 18:00 in Belgrade
    event.end = event.start + timedelta(hours=hours)
    event.save_revision().publish()
    if url.startswith("/en/"):
        translate(event, "en", title="Talk", slug="tribina")
    page = client.get(url)
    assert page.status_code == 200
    register(client, url)
    [message] = mailoutbox
    when = mail_when(message, label)
    assert when == page_when(page)
    assert when.count("2030") == dates
    assert when.endswith(("20:00", "8 p.m."))
