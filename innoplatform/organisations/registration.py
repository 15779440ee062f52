"""Registering an organisation and editing it: its slug, e-mail domains and logo.

Whoever registers an organisation becomes its first admin; it starts unverified
until a moderator has checked it. When an admin changes the organisation number of
a verified organisation — or its sector, its seat or its e-mail domains, which
decide whom it may act for and who joins it at once — the check no longer holds
and the mark is taken off; a moderator's own edit keeps it.
"""

import uuid

from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model

from innoplatform.accounts.services import has_verified_email
from innoplatform.core.models import FormSubmission
from innoplatform.core.text import norwegian_slugify

from .membership import MembershipError, can_manage, create_organisation_as_admin, is_moderator
from .models import Organisation, OrganisationDomain

REGISTER_ACTION = "register_organisation"
FIELDS = ("name", "orgnr", "sector", "kommune", "website", "description")
RESERVED_SLUGS = {"registrer"}


def unique_slug(name: str, exclude_pk: int | None = None) -> str:
    """A slug from the name, with -2, -3 … when another organisation has it; never one of the list's own paths."""
    base = norwegian_slugify(name)[:200] or "organisasjon"
    taken = set(
        Organisation.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    taken |= RESERVED_SLUGS
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _save_logo(organisation: Organisation, data: dict) -> None:
    if upload := data.get("logo_file"):
        organisation.logo = get_image_model().objects.create(title=organisation.name[:255], file=upload)
    elif data.get("remove_logo"):
        organisation.logo = None


def _save_domains(organisation: Organisation, domains: list[str]) -> None:
    organisation.domains.exclude(domain__in=domains).delete()
    existing = set(organisation.domains.values_list("domain", flat=True))
    OrganisationDomain.objects.bulk_create(
        [OrganisationDomain(organisation=organisation, domain=domain) for domain in domains if domain not in existing]
    )


def register_organisation(user, data: dict) -> Organisation:
    """Register a new, unverified organisation from the form's cleaned data; `user` becomes its admin."""
    if not has_verified_email(user):
        raise MembershipError("unverified")
    with transaction.atomic():
        organisation = create_organisation_as_admin(
            user, slug=unique_slug(data["name"]), **{field: data[field] for field in FIELDS}
        )
        _save_logo(organisation, data)
        organisation.save(update_fields=["logo"])
        _save_domains(organisation, data.get("domains", []))
    return organisation


def registered_with(user, token: str) -> Organisation | None:
    """The organisation this user already registered with this copy of the form (a second click), if any.

    Checked before the form is validated: the second post would otherwise fail on its own organisation number.
    """
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        return None
    slug = (
        FormSubmission.objects.filter(token=token, action=REGISTER_ACTION, user=user)
        .values_list("result", flat=True)
        .first()
    )
    return Organisation.objects.filter(slug=slug).first() if slug else None


def update_organisation(actor, organisation: Organisation, data: dict) -> Organisation:
    """Save an admin's or a moderator's edit; an admin's change to what verification vouches for (number,
    sector, seat, e-mail domains) takes the verified mark off."""
    if not can_manage(actor, organisation):
        raise MembershipError("not_allowed")
    checked = ("orgnr", "sector", "kommune_id")
    before = Organisation.objects.values_list(*checked).get(pk=organisation.pk)
    domains_before = set(organisation.domains.values_list("domain", flat=True))
    with transaction.atomic():
        for field in FIELDS:
            setattr(organisation, field, data[field])
        changed = (
            tuple(getattr(organisation, field) for field in checked) != before
            or set(data.get("domains", [])) != domains_before
        )
        if changed and not is_moderator(actor):
            organisation.verified, organisation.verified_at = False, None
        _save_logo(organisation, data)
        organisation.updated_at = timezone.now()
        organisation.save()
        _save_domains(organisation, data.get("domains", []))
    return organisation
