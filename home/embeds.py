"""The HTML an embed block shows: the provider's player, rebuilt as one iframe of our own.

An oEmbed answer is HTML from another company, and pages output it. Whatever it holds
(scripts, styles, forms, other frames), readers get only an iframe whose address is on one of
the EMBED_PLAYER_ORIGINS, with attributes we write; anything else is no embed at all, and the
block shows its plain link.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.html import format_html

# YouTube's players answer the same from its cookieless host.
HOST_ALIASES = {
    "www.youtube.com": "www.youtube-nocookie.com",
    "youtube.com": "www.youtube-nocookie.com",
}


class FirstIframe(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attrs = None

    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and self.attrs is None:
            self.attrs = dict(attrs)


def player_url(html):
    """The address of the player in an embed's HTML, on an allowed origin; None otherwise."""
    parser = FirstIframe()
    parser.feed(html or "")
    parser.close()
    src = (parser.attrs or {}).get("src") or ""
    try:
        parts = urlsplit(src.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username or parts.password or port:
        return None
    host = HOST_ALIASES.get(parts.hostname, parts.hostname)
    if f"https://{host}" not in settings.EMBED_PLAYER_ORIGINS:
        return None
    return urlunsplit(("https", host, parts.path, parts.query, ""))


def player_html(embed, title):
    """The iframe readers get for a stored embed (wagtail.embeds Embed), or "" when its HTML
    has no player from an allowed origin. Its size is the stylesheet's (.embed__frame)."""
    url = player_url(embed.html)
    if not url:
        return ""
    return format_html(
        '<iframe src="{}" title="{}" allow="encrypted-media; fullscreen; picture-in-picture"'
        ' allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>',
        url,
        title,
    )
