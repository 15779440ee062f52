"""Writing an application: starting it from the kommune's profile, saving drafts, submitting and withdrawing.

A draft is saved as often as the applicant likes and may be incomplete;
submission checks everything and names each field that is missing. A submitted
application can still be changed until the call closes, and stays complete.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from innoplatform.municipalities.models import Kommune
from innoplatform.municipalities.public import demographic_brief, kommune_challenges
from innoplatform.organisations.models import Organisation

from . import lifecycle, notices
from .lifecycle import FundingError
from .models import Application, ApplicationCode, ApplicationPartner, BudgetLine, FundingCall, OfficeDesk
from .permissions import Roles

Status = Application.Status
EDITABLE_FIELDS = (
    "title",
    "summary",
    "problem",
    "goal",
    "phase",
    "amount_sought_nok",
    "contact_name",
    "contact_email",
    "contact_phone",
)


@dataclass(frozen=True)
class PartnerRow:
    organisation: Organisation
    role: str = ""


@dataclass(frozen=True)
class BudgetRow:
    year: int
    item: str
    amount_nok: int
    own_share_nok: int = 0


@dataclass
class ApplicationData:
    """Everything an applicant writes; what the edit form hands the service."""

    fields: dict
    co_kommuner: list[Kommune] = field(default_factory=list)
    service_areas: list[str] = field(default_factory=list)
    challenges: list[str] = field(default_factory=list)
    partners: list[PartnerRow] = field(default_factory=list)
    budget: list[BudgetRow] = field(default_factory=list)


def start_application(user, call: FundingCall, kommune: Kommune) -> Application:
    """A new draft for `kommune`, its problem pre-filled from the kommune's demographic profile."""
    if not call.is_open:
        raise FundingError("call_closed")
    if kommune.pk not in Roles.of(user).kommune_ids:
        raise FundingError("not_applicant")
    with transaction.atomic():
        application = Application.objects.create(
            call=call,
            office=call.office,
            year=call.closes_on.year,
            lead_kommune=kommune,
            title=_("Nytt prosjekt i %(kommune)s") % {"kommune": kommune.name},
            problem=demographic_brief(kommune),
            contact_name=user.get_full_name(),
            contact_email=user.email,
            created_by=user,
        )
        ApplicationCode.objects.bulk_create(
            ApplicationCode(application=application, dimension=ApplicationCode.Dimension.CHALLENGE, code=code)
            for code in kommune_challenges(kommune)
        )
    return application


def is_editable(application: Application) -> bool:
    """Drafts always; a submitted application until its call closes; nothing after that."""
    if application.status == Status.DRAFT:
        return True
    return application.status == Status.SUBMITTED and application.call is not None and not application.call.has_closed


def missing_fields(application: Application, data: ApplicationData) -> dict[str, str]:
    """What submission needs and `data` lacks, per form field, in words."""
    values = data.fields
    call = application.call
    missing = {}
    required = {
        "title": _("Skriv prosjektnavnet."),
        "summary": _("Skriv en kort beskrivelse av prosjektet."),
        "problem": _("Beskriv utfordringen prosjektet skal løse."),
        "goal": _("Skriv hva prosjektet skal oppnå."),
        "phase": _("Velg fasen i veikartet prosjektet er i."),
        "contact_name": _("Skriv navnet på kontaktpersonen."),
        "contact_email": _("Skriv e-postadressen til kontaktpersonen."),
    }
    for name, message in required.items():
        if not str(values.get(name) or "").strip():
            missing[name] = message
    if not data.service_areas:
        missing["service_areas"] = _("Velg minst ett tjenesteområde.")
    if not data.budget:
        missing["budget"] = _("Før opp minst én budsjettpost.")
    sought = values.get("amount_sought_nok")
    if not sought:
        missing["amount_sought_nok"] = _("Skriv hvor mye dere søker om.")
    elif call is not None and sought < call.minimum_amount_nok:
        missing["amount_sought_nok"] = _("Utlysningen gjelder beløp fra %(minimum)s kroner.") % {
            "minimum": f"{call.minimum_amount_nok:,}".replace(",", "\u00a0")
        }
    elif data.budget and sought > sum(row.amount_nok - row.own_share_nok for row in data.budget):
        missing["amount_sought_nok"] = _("Dere kan ikke søke om mer enn budsjettets kostnader minus egenandelen.")
    if call is not None and call.frame_nok and sought and sought > call.frame_nok:
        missing["amount_sought_nok"] = _("Beløpet er større enn hele rammen for utlysningen.")
    return missing


def check_data(application: Application, data: ApplicationData) -> dict[str, str]:
    """Errors that even a draft may not have."""
    errors = {}
    call = application.call
    if data.co_kommuner and call is not None and not call.allows_co_applicants:
        errors["co_kommuner"] = _("Denne utlysningen er for én kommune om gangen.")
    if any(kommune.pk == application.lead_kommune_id for kommune in data.co_kommuner):
        errors["co_kommuner"] = _("Søkerkommunen kan ikke også være medsøker.")
    organisations = [row.organisation for row in data.partners]
    if organisations and OfficeDesk.objects.filter(organisation__in=organisations).exists():
        # an office as partner would make every one of its assessors disqualified
        errors["partners"] = _("Et statsforvalterembete kan ikke være partner i en søknad.")
    return errors


@transaction.atomic
def save_application(user, application: Application, data: ApplicationData) -> Application:
    """Write the applicant's text, codes, partners and budget; a submitted application must stay complete."""
    locked = Application.objects.select_for_update(of=("self",)).select_related("call").get(pk=application.pk)
    if not Roles.of(user).is_applicant(locked):
        raise FundingError("not_applicant")
    if not is_editable(locked):
        raise FundingError("not_editable")
    if errors := check_data(locked, data):
        raise FundingError("invalid", errors)
    if locked.status == Status.SUBMITTED and (missing := missing_fields(locked, data)):
        raise FundingError("incomplete", missing)
    for name in EDITABLE_FIELDS:
        if name in data.fields:
            setattr(locked, name, data.fields[name])
    locked.save()
    locked.co_kommuner.set(data.co_kommuner)
    locked.codes.all().delete()
    ApplicationCode.objects.bulk_create(
        [
            ApplicationCode(application=locked, dimension=ApplicationCode.Dimension.SERVICE_AREA, code=c)
            for c in data.service_areas
        ]
        + [
            ApplicationCode(application=locked, dimension=ApplicationCode.Dimension.CHALLENGE, code=c)
            for c in data.challenges
        ]
    )
    locked.partners.all().delete()
    ApplicationPartner.objects.bulk_create(
        ApplicationPartner(
            application=locked, organisation=row.organisation, name=row.organisation.name, role=row.role, sort_order=n
        )
        for n, row in enumerate(data.partners)
    )
    locked.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(
            application=locked,
            year=row.year,
            item=row.item,
            amount_nok=row.amount_nok,
            own_share_nok=row.own_share_nok,
            sort_order=n,
        )
        for n, row in enumerate(data.budget)
    )
    return locked


def stored_data(application: Application) -> ApplicationData:
    """The application as saved, in the shape submission checks."""
    codes = list(application.codes.all())
    return ApplicationData(
        fields={name: getattr(application, name) for name in EDITABLE_FIELDS},
        co_kommuner=list(application.co_kommuner.all()),
        service_areas=[c.code for c in codes if c.dimension == ApplicationCode.Dimension.SERVICE_AREA],
        challenges=[c.code for c in codes if c.dimension == ApplicationCode.Dimension.CHALLENGE],
        partners=[PartnerRow(p.organisation, p.role) for p in application.partners.all() if p.organisation_id],
        budget=[BudgetRow(b.year, b.item, b.amount_nok, b.own_share_nok) for b in application.budget_lines.all()],
    )


@transaction.atomic
def submit_application(user, application: Application) -> Application:
    """Submit the saved application: the call must be open and nothing may be missing."""
    locked = Application.objects.select_for_update(of=("self",)).select_related("call").get(pk=application.pk)
    if not Roles.of(user).is_applicant(locked):
        raise FundingError("not_applicant")
    if locked.call is None or not locked.call.is_open:
        raise FundingError("call_closed")
    if missing := missing_fields(locked, stored_data(locked)):
        raise FundingError("incomplete", missing)
    lifecycle.move(locked, Status.SUBMITTED)
    notices.application_submitted(locked)
    return locked


@transaction.atomic
def withdraw_application(user, application: Application) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not Roles.of(user).is_applicant(locked):
        raise FundingError("not_applicant")
    lifecycle.move(locked, Status.WITHDRAWN)
    return locked
