"""Which Content-Security-Policy and Permissions-Policy a response gets (README: "Security
headers"): django-csp's and django-permissions-policy's middleware, told about the admin and
allauth's pages, whose views are not ours to decorate."""

import re

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse
from django_permissions_policy import PermissionsPolicyMiddleware as BasePermissionsPolicy

from portal.security import REPORT_TO_GROUP

# What CompressTextMiddleware compresses: text, and the JSON kinds the API answers with.
COMPRESSIBLE = re.compile(r"^(text/[a-z-]+|application/([a-z.-]+\+)?(json|xml|javascript))$")


def url_name(request):
    match = getattr(request, "resolver_match", None)
    return match.url_name if match else None


def is_admin(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The public policy (CONTENT_SECURITY_POLICY) unless a view chose its own (or set the
    header itself, as Wagtail's document downloads do), the admin's
    (CONTENT_SECURITY_POLICY_ADMIN) under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_preview", False):
            # Wagtail previews a page with a request for its public address, through this
            # middleware: the page's own policy, in the admin's frame.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        elif is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        report_uri = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get("report-uri")
        if report_uri and "Content-Security-Policy" in response:
            response["Reporting-Endpoints"] = f'{REPORT_TO_GROUP}="{report_uri}"'
        return response


class PermissionsPolicyMiddleware(BasePermissionsPolicy):
    """PERMISSIONS_POLICY, with security keys allowed on allauth's two-factor pages (mfa_*)."""

    async_capable = False

    def __call__(self, request):
        response = self.get_response(request)
        name = url_name(request) or ""
        if name.startswith("mfa_") and not hasattr(response, "_permissions_policy_override"):
            response._permissions_policy_override = self.security_key_policy
        return self._apply_headers(response)

    @property
    def security_key_policy(self):
        policy = {
            **settings.PERMISSIONS_POLICY,
            "publickey-credentials-create": ["self"],
            "publickey-credentials-get": ["self"],
        }
        return self.compute_header_value(policy, name="security key policy")


class CompressTextMiddleware(GZipMiddleware):
    """Django's gzip for the pages and the API's JSON, GeoJSON and CSV: an HTML page is a
    quarter of its size, which a phone on a slow network feels before anything shows. Django's
    own mitigation of BREACH (random padding, masked CSRF tokens) comes with it. Only text:
    photos and documents are compressed already, and compressing them again costs the server
    for nothing. Static files never get here (whitenoise answers them first, with its own
    compressed copies).

    Nothing for a logged-in reader: their pages hold what a watcher of the network must not
    learn (their address on "My activity" and the join page, a new second factor's secret and
    recovery codes, the signers' names and addresses in the admin) beside words the address
    brings back (a search box's query, a listing's filters), which is what BREACH needs to
    read a secret from the compressed sizes. A visitor's public pages, most of the traffic,
    carry no such secret."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if not COMPRESSIBLE.match(content_type):
            return response
        # The user only when gzip would be used: reading it may cost the session's query.
        if "gzip" in request.headers.get("Accept-Encoding", "") and logged_in(request):
            return response
        return super().process_response(request, response)


def logged_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated
