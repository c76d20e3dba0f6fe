"""Campaigns: petitions people sign and confirm, and events they join."""

from .consent import ConsentRecord  # noqa: F401
from .events import *  # noqa: F403
from .petitions import *  # noqa: F403
from .supporters import *  # noqa: F403
