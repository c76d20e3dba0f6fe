"""Joining the initiative: allauth's sign-up with the supporter's answers and consent, shown on
the JoinPage (pages.py)."""

from allauth.account.views import SignupView
from django.template.response import TemplateResponse

from campaigns.supporters.forms import JoinForm


class JoinView(SignupView):
    """allauth's sign-up view (its rate limit, honeypot and enumeration prevention) with the
    supporter's form, shown on the JoinPage.

    The form is given here rather than in ACCOUNT_FORMS: allauth's plain sign-up form (an
    account alone) stays for a site without a join page, where `sign_up` below hands over to it.
    """

    template_name = "campaigns/join_page.html"
    page = None

    def get_form_class(self):
        return JoinForm

    def get_context_data(self, **kwargs):
        return {**self.page.get_context(self.request), **super().get_context_data(**kwargs)}


def join(request, page):
    """The JoinPage: the form for visitors; signed-in people are told where their data is."""
    if request.user.is_authenticated:
        return TemplateResponse(request, "campaigns/join_page.html", page.get_context(request))
    response = JoinView.as_view(page=page)(request)
    if request.method in ("GET", "HEAD") and not request.session.session_key:
        # allauth marks its sign-up page never-cache, for the CSRF token and what it reads
        # from a session; a visitor's empty form holds neither (portal/csrf.py), so one copy
        # serves everyone (home/page_cache.py). A session's page stays private.
        response.headers.pop("Cache-Control", None)
        response.headers.pop("Expires", None)
    return response
