"""Writing a call: its text, frame and dates, and the criteria its applications are scored by.

The call's office (or an editor) writes it. The criteria are fixed once the first
assessment is made, so every application of a call is scored by the same ones.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from innoplatform.core.text import norwegian_slugify

from .lifecycle import FundingError
from .models import Assessment, AssessmentCriterion, FundingCall
from .permissions import Roles

DEFAULT_CRITERIA = (
    (_("Innovasjonshøyde"), _("Hvor nytt er dette for kommunen og for landet?"), 30),
    (_("Overføringsverdi"), _("Kan andre kommuner ta løsningen i bruk?"), 20),
    (_("Forankring"), _("Er prosjektet forankret i ledelsen, hos de ansatte og hos tillitsvalgte?"), 20),
    (
        _("Samarbeid på tvers"),
        _("Samarbeider kommunen med andre kommuner, frivillige, forskning eller næringsliv?"),
        15,
    ),
    (_("Forventet gevinst"), _("Hva blir bedre for innbyggerne og for kommunen, og kan det måles?"), 15),
)


def default_criteria() -> list[dict]:
    return [{"name": str(name), "description": str(text), "weight": weight} for name, text, weight in DEFAULT_CRITERIA]


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = norwegian_slugify(title)[:200] or "utlysning"
    taken = set(FundingCall.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def criteria_locked(call: FundingCall) -> bool:
    return call.pk is not None and Assessment.objects.filter(application__call=call).exists()


@transaction.atomic
def save_call(user, call: FundingCall, criteria: list[dict]) -> FundingCall:
    """Save the call (new or changed) and, while no one has assessed yet, its criteria.

    Checked again on the locked row, whatever the form saw: the office stays while the call has applications,
    and the frame never drops below what is granted.
    """
    if not Roles.of(user).can_manage_office(call.office):
        raise FundingError("not_office")
    if call.pk is not None:
        stored = FundingCall.objects.select_for_update().get(pk=call.pk)
        if not Roles.of(user).can_manage_office(stored.office):
            raise FundingError("not_office")
        if call.office != stored.office and stored.applications.exists():
            # each application keeps its call's office; moving the call would leave them with the old one
            raise FundingError("invalid", {"office": _("Embetet kan ikke endres når utlysningen har søknader.")})
        if call.frame_nok < stored.granted_nok:  # a decision may have been made since the form was read
            raise FundingError("invalid", {"frame_nok": _("Rammen kan ikke bli mindre enn det som alt er tildelt.")})
        call.granted_nok = stored.granted_nok
    if not call.slug:
        call.slug = unique_slug(call.title)
    call.save()
    current = [(c.name, c.description, c.weight) for c in call.criteria.all()]
    wanted = [(row["name"], row.get("description", ""), row["weight"]) for row in criteria]
    if current != wanted:
        if criteria_locked(call):
            raise FundingError("criteria_locked")
        call.criteria.all().delete()
        AssessmentCriterion.objects.bulk_create(
            AssessmentCriterion(call=call, name=name, description=text, weight=weight, sort_order=n)
            for n, (name, text, weight) in enumerate(wanted)
        )
    return call
