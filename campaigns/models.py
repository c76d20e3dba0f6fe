"""Campaigns: petitions people sign and confirm, events they join, and the news."""

from campaigns.consent import ConsentRecord  # noqa: F401
from campaigns.events.models import *  # noqa: F403
from campaigns.events.pages import *  # noqa: F403
from campaigns.information_requests.models import *  # noqa: F403
from campaigns.information_requests.pages import *  # noqa: F403
from campaigns.information_requests.register import *  # noqa: F403
from campaigns.news.models import *  # noqa: F403
from campaigns.pages import *  # noqa: F403
from campaigns.petitions.models import *  # noqa: F403
from campaigns.petitions.pages import *  # noqa: F403
from campaigns.supporters.models import *  # noqa: F403
from campaigns.supporters.pages import *  # noqa: F403
