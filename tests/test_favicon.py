"""/favicon.ico, for clients that do not use the page's SVG icon, leads to the PNG one."""

from django.contrib.staticfiles import finders
from django.templatetags.static import static


def test_favicon_ico_redirects_to_the_png_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302  # not permanent: the target's hashed name changes
    assert response["Location"] == static("img/apple-touch-icon.png")
    assert finders.find("img/apple-touch-icon.png")
    assert "max-age=86400" in response["Cache-Control"]
