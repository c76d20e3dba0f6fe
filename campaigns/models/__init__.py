"""Campaigns: petitions people sign and confirm, events they join, and the news."""

from .consent import ConsentRecord  # noqa: F401
from .events import *  # noqa: F403
from .news import *  # noqa: F403
from .petitions import *  # noqa: F403
from .supporters import *  # noqa: F403
