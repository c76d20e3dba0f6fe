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
    return JoinView.as_view(page=page)(request)
