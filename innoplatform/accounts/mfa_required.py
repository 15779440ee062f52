"""Editors, moderators and superusers use two-step login before they use their powers.

When the site's security setting asks for it (`SecuritySettings.require_mfa_for_staff`),
such a user without an authenticator app is sent from the Wagtail admin and from the
moderation views outside it to allauth's page for turning two-step login on, told why.
The page they were on is remembered in the session; once the app is activated, the
page that shows the recovery codes links back to it. The allauth pages and logging out
are never guarded, so there is no loop.

Only the guarded views ask the database anything: other pages cost no query.
"""

from allauth.mfa.models import Authenticator

from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .models import SecuritySettings, User

STAFF_GROUPS = ("Editors", "Moderators")
"""Wagtail's groups whose members edit and approve content for the whole platform."""

MODERATION_VIEWS = frozenset(
    {
        "organisations:verify",
        "organisations:members",
        "organisations:member_action",
        "funding:call_create",
        "funding:call_edit",
        "funding:call_ranking",
        "funding:assess",
        "funding:decide",
        "funding:report_review",
        "funding:publish",
    }
)
"""The views outside the admin where moderators and editors act with their group's powers."""

ADMIN_VIEWS_ALWAYS_OPEN = frozenset({"wagtailadmin_login", "wagtailadmin_logout"})
DESTINATION_KEY = "accounts.mfa_required.destination"


def must_enrol_mfa(user) -> bool:
    """Whether `user` must turn on two-step login before going on: staff without a TOTP authenticator.

    Anonymous users cost no query; everyone else one, and staff without the app a
    second, for the site's setting.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    in_staff_group = User.groups.through.objects.filter(user=OuterRef("pk"), group__name__in=STAFF_GROUPS)
    has_app = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    without_app = (
        User.objects.filter(pk=user.pk).filter(Q(is_superuser=True) | Exists(in_staff_group)).exclude(Exists(has_app))
    )
    return without_app.exists() and SecuritySettings.load().require_mfa_for_staff


def is_guarded(request: HttpRequest) -> bool:
    """Whether the view that answers `request` is one of the admin's or a moderation view."""
    match = request.resolver_match
    if match is None:
        return False
    if match.view_name in MODERATION_VIEWS:
        return True
    return request.path.startswith(reverse("wagtailadmin_home")) and match.url_name not in ADMIN_VIEWS_ALWAYS_OPEN


def _is_local(url: str, request: HttpRequest) -> bool:
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def destination(request: HttpRequest) -> str | None:
    """Where to return once two-step login is on: the page asked for, or for a form sent, the page it was sent from."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("referer", "")
    return referer if referer and _is_local(referer, request) else None


class MfaRequiredMiddleware:
    """Sends staff without two-step login from the guarded views to turning it on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if not is_guarded(request) or not must_enrol_mfa(request.user):
            return None
        if target := destination(request):
            request.session[DESTINATION_KEY] = target
        messages.warning(
            request,
            _(
                "Før du kan bruke administrasjonen eller moderere, må du slå på innlogging i to trinn. "
                "Redaktører og moderatorer kan endre og godkjenne innhold for hele plattformen, "
                "så kontoen din må være beskyttet med mer enn passordet."
            ),
        )
        return redirect("mfa_activate_totp")


def offer_the_way_back(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """On allauth's `authenticator_added`: link to the page the user was sent away from, shown with the recovery codes."""
    if request is None:
        return
    target = request.session.pop(DESTINATION_KEY, None)
    if not target or not _is_local(target, request):
        return
    messages.info(
        request,
        format_html(
            '{} <a class="ds-link" href="{}">{}</a>',
            _("Ta vare på reservekodene før du går videre."),
            target,
            _("Gå tilbake til siden du skulle til"),
        ),
    )
