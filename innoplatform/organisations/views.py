"""Organisation pages: the list, one organisation with its members (names only), joining, members and editing.

Every view checks on the server who may do what (`membership.can_manage`,
`membership.is_moderator`); a button hidden on the page is never the check.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.once import run_once
from innoplatform.core.ratelimit import limit
from innoplatform.core.vocabularies import Sector

from .directory import (
    DirectoryFilters,
    approved_members,
    directory_page,
    pending_count,
    pending_requests,
    viewer_of,
)
from .extensions import organisation_sections
from .forms import OrganisationForm, RegisterOrganisationForm
from .membership import (
    MembershipError,
    can_manage,
    decide,
    end_membership,
    is_moderator,
    request_membership,
    set_role,
    verify_organisation,
)
from .models import Membership, Organisation
from .notices import notify_admins, notify_decision
from .registration import REGISTER_ACTION, register_organisation, registered_with, update_organisation


def _refusal(reason: str) -> str:
    """What the page says when a membership action is not allowed."""
    return {
        "unverified": _("Du må bekrefte e-postadressen din før du kan bli medlem av en organisasjon."),
        "last_admin": _(
            "Organisasjonen må ha minst én administrator. Gjør en annen til administrator først, så kan du gå videre."
        ),
        "own_membership": _(
            "Du kan ikke avgjøre din egen forespørsel. En annen administrator eller en moderator må gjøre det."
        ),
        "invalid": _("Det valget finnes ikke for dette medlemskapet."),
    }.get(reason, _("Du har ikke tilgang til å gjøre dette."))


def _organisation(slug: str) -> Organisation:
    return get_object_or_404(Organisation.objects.select_related("kommune", "logo"), slug=slug)


def _manager_or_403(request: HttpRequest, organisation: Organisation) -> None:
    if not can_manage(request.user, organisation):
        raise PermissionDenied


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilters.from_querydict(request.GET)
    page_obj = directory_page(filters, request.GET.get("side"))
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "filters": filters,
            "page_obj": page_obj,
            "organisations": page_obj.object_list,
            "sectors": Sector.choices,
            "querystring_without_page": filters.querystring(),
        },
    )


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    viewer = viewer_of(request.user, organisation)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "members": approved_members(organisation),
            "domains": list(organisation.domains.values_list("domain", flat=True)),
            "viewer": viewer,
            "pending_count": pending_count(organisation) if viewer.can_manage else 0,
            "sections": organisation_sections(request, organisation),
        },
    )


@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask to join; asking again changes nothing, and a matching e-mail domain approves at once."""
    organisation = _organisation(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(organisation.get_absolute_url())
    if limited := limit(request, "organisation_action"):
        return limited
    waiting_before = Membership.objects.filter(
        user=request.user, organisation=organisation, status=Membership.Status.PENDING
    ).exists()
    try:
        membership = request_membership(request.user, organisation)
    except MembershipError as error:
        messages.error(request, _refusal(error.reason))
        return redirect(organisation)
    if membership.status == Membership.Status.PENDING and not waiting_before:
        notify_admins(
            membership, request.build_absolute_uri(reverse("organisations:members", args=[organisation.slug]))
        )
    if membership.is_approved:
        messages.success(request, _("Du er medlem av %(organisation)s.") % {"organisation": organisation.name})
    else:
        messages.success(
            request,
            _("Forespørselen er sendt. En administrator i %(organisation)s avgjør den, og du får beskjed på e-post.")
            % {"organisation": organisation.name},
        )
    return redirect(organisation)


@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    """Leave the organisation, or withdraw a request that is still waiting."""
    organisation = _organisation(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(organisation.get_absolute_url())
    membership = get_object_or_404(Membership, organisation=organisation, user=request.user)
    if limited := limit(request, "organisation_action"):
        return limited
    try:
        end_membership(request.user, membership)
    except MembershipError as error:
        messages.error(request, _refusal(error.reason))
        return redirect(organisation)
    messages.success(request, _("Du er ikke lenger med i %(organisation)s.") % {"organisation": organisation.name})
    return redirect(organisation)


@login_required
@require_GET
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """For the organisation's admins and moderators: requests to decide, and the members with their roles."""
    organisation = _organisation(slug)
    _manager_or_403(request, organisation)
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "pending": pending_requests(organisation),
            "members": approved_members(organisation),
        },
    )


MEMBER_ACTIONS = ("godkjenn", "avsla", "gjor-til-administrator", "gjor-til-medlem", "fjern")


@login_required
@require_POST
def member_action(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    organisation = _organisation(slug)
    _manager_or_403(request, organisation)
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=membership_id, organisation=organisation
    )
    if limited := limit(request, "organisation_action"):
        return limited
    action = request.POST.get("action", "")
    name = membership.user.get_full_name() or _("Medlemmet")
    try:
        if action in ("godkjenn", "avsla"):
            if membership.status != Membership.Status.PENDING:
                raise MembershipError("invalid")
            decide(request.user, membership, approve=action == "godkjenn")
            notify_decision(membership, request.build_absolute_uri(organisation.get_absolute_url()))
            done = _("%(name)s er godkjent.") if action == "godkjenn" else _("Forespørselen fra %(name)s er avslått.")
        elif action in ("gjor-til-administrator", "gjor-til-medlem"):
            role = Membership.Role.ADMIN if action == "gjor-til-administrator" else Membership.Role.MEMBER
            set_role(request.user, membership, role)
            done = _("%(name)s har nå rollen %(role)s.")
        elif action == "fjern":
            end_membership(request.user, membership)
            done = _("%(name)s er fjernet fra organisasjonen.")
        else:
            raise MembershipError("invalid")
    except MembershipError as error:
        messages.error(request, _refusal(error.reason))
    else:
        messages.success(request, done % {"name": name, "role": membership.get_role_display().lower()})
    return redirect("organisations:members", slug=organisation.slug)


@login_required
@require_POST
def verify(request: HttpRequest, slug: str) -> HttpResponse:
    """A moderator marks the organisation as checked, or takes the mark off."""
    organisation = _organisation(slug)
    if not is_moderator(request.user):
        raise PermissionDenied
    verified = request.POST.get("verified") == "ja"
    verify_organisation(request.user, organisation, verified=verified)
    messages.success(
        request,
        (
            _("%(organisation)s er merket som verifisert.")
            if verified
            else _("Verifiseringen av %(organisation)s er tatt bort.")
        )
        % {"organisation": organisation.name},
    )
    return redirect(organisation)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Register a new organisation; the one who registers it becomes its admin, and a moderator verifies it."""
    verified = has_verified_email(request.user)
    if request.method == "POST" and verified:
        if earlier := registered_with(request.user, request.POST.get("form_token", "")):
            return redirect(earlier)
        form = RegisterOrganisationForm(request.POST, request.FILES)
        if form.is_valid():
            if limited := limit(request, "organisation_action"):
                return limited
            slug, _new = run_once(
                form.cleaned_data["form_token"],
                REGISTER_ACTION,
                request.user,
                lambda: register_organisation(request.user, form.cleaned_data),
                result=lambda organisation: organisation.slug,
            )
            messages.success(
                request,
                _("Organisasjonen er registrert, og du er administrator. En moderator sjekker og verifiserer den."),
            )
            return redirect("organisations:detail", slug=slug)
    else:
        form = RegisterOrganisationForm()
    return render(request, "organisations/organisation_form.html", {"form": form, "verified": verified, "new": True})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    _manager_or_403(request, organisation)
    if request.method == "POST":
        if limited := limit(request, "organisation_action"):
            return limited
        # The form fills in its own copy, so the page's heading keeps the saved name while errors are shown.
        form = OrganisationForm(request.POST, request.FILES, instance=_organisation(slug))
        if form.is_valid():
            update_organisation(request.user, form.instance, form.cleaned_data)
            messages.success(request, _("Endringene er lagret."))
            return redirect(organisation)
    else:
        form = OrganisationForm(instance=organisation)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": organisation, "verified": True, "new": False},
    )
