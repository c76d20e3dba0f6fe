from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon_ico(request):
    """/favicon.ico, asked for by clients that ignore the SVG icon (Safari, feed readers).

    A temporary redirect to the PNG icon: its hashed file name changes with the image.
    """
    return HttpResponseRedirect(static("img/apple-touch-icon.png"))


@requires_csrf_token
def server_error(request):
    """The 500 page in the reader's language, without touching the database that may be down."""
    return HttpResponseServerError(loader.render_to_string("500.html", request=request))
