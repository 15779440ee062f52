"""Demo content for funding: the ten offices with their assessors, three calls, applications in every status,
reports, a final report published as a case, and the historical grants of data/historical_grants.csv.

The offices, calls and applications are described in data/demo_funding.json. Each
application goes as far through the services as its status says, as its kommune's
user and the office's assessor would take it: the call's dates are set relative to
today so that two calls are open and one closed last spring, and where a service's
date check stands in the way of that history (an application to a call that has
closed), the step is taken the way the service takes it, through the same status
machine, and its dates are set afterwards. The historical grants go through the
importer, as an office's export would.

Idempotent: offices are found by code, organisations by name, people by e-mail,
calls by slug and applications by call and title; an application that is there is
left as it is, and the importer leaves unchanged grants alone.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from wagtail.models import WorkflowState

from innoplatform.accounts.demo import DEMO_PASSWORD
from innoplatform.accounts.models import User
from innoplatform.core.text import norwegian_slugify
from innoplatform.core.vocabularies import Sector
from innoplatform.municipalities.models import Kommune
from innoplatform.municipalities.public import demographic_brief, kommune_challenges
from innoplatform.organisations.models import Membership, Organisation

from . import lifecycle
from .allocation import decide
from .applications import (
    ApplicationData,
    BudgetRow,
    PartnerRow,
    missing_fields,
    save_application,
    start_application,
    stored_data,
    submit_application,
    withdraw_application,
)
from .assessing import ScoreInput, save_assessment
from .importer import ImportResult, import_grant_file
from .models import (
    Allocation,
    Application,
    Assessment,
    AssessmentCriterion,
    FundingCall,
    OfficeDesk,
    Report,
    ReportReminder,
)
from .publishing import publish_as_case
from .reporting import review_report, save_report

DATA = Path(__file__).resolve().parent / "data"
SPEC_FILE = DATA / "demo_funding.json"
GRANTS_FILE = DATA / "historical_grants.csv"
OFFICE_DESCRIPTION = (
    "Statsforvalteren er statens representant i fylket. Embetet fordeler skjønnsmidler til fornyings- og "
    "innovasjonsprosjekter i kommunene og følger opp prosjektene til de er ferdige."
)
Status = Application.Status


@dataclass
class DemoResult:
    desks: int = 0
    calls_created: int = 0
    applications_created: int = 0
    grants: ImportResult | None = None


def _at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


# People and offices


def ensure_person(spec: dict, organisation: Organisation, kommune: Kommune | None) -> User:
    """The demo person by e-mail, with a confirmed address, the demo password and approved membership of `organisation`."""
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        user = User.objects.create(
            email=spec["email"],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            job_title=spec["job_title"],
            kommune=kommune,
            password=make_password(DEMO_PASSWORD),
        )
    EmailAddress.objects.get_or_create(user=user, email=spec["email"], defaults={"verified": True, "primary": True})
    Membership.objects.get_or_create(
        organisation=organisation,
        user=user,
        defaults={"status": Membership.Status.APPROVED, "decided_at": timezone.now()},
    )
    return user


def ensure_office_organisation(spec: dict) -> Organisation:
    """The office's organisation in the registry: the one of that name (the partner demo has one), else a new one."""
    organisation = Organisation.objects.filter(name=spec["name"], sector=Sector.STAT).order_by("pk").first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=spec["name"],
            slug=norwegian_slugify(spec["name"]),
            orgnr=spec["orgnr"],
            sector=Sector.STAT,
            kommune=Kommune.objects.get(number=spec["kommune"]),
            description=OFFICE_DESCRIPTION,
            verified=True,
            verified_at=timezone.now(),
        )
    elif not organisation.verified:
        organisation.verified, organisation.verified_at = True, timezone.now()
        organisation.save(update_fields=["verified", "verified_at"])
    return organisation


def ensure_offices(offices: dict[str, dict]) -> dict[str, User]:
    """A desk for every office, each with its demo assessor; the assessors by office code."""
    assessors = {}
    for office, spec in offices.items():
        desk = OfficeDesk.objects.select_related("organisation").filter(office=office).first()
        if desk is None:
            desk = OfficeDesk.objects.create(office=office, organisation=ensure_office_organisation(spec))
        assessors[office] = ensure_person(spec["assessor"], desk.organisation, desk.organisation.kommune)
    return assessors


def kommune_organisation(number: str) -> Organisation:
    organisation = (
        Organisation.objects.filter(sector=Sector.KOMMUNE, kommune__number=number, verified=True).order_by("pk").first()
    )
    if organisation is None:
        raise LookupError(f"Kommune {number} har ingen verifisert organisasjon. Last partnerdemoen først.")
    return organisation


def ensure_applicants(applicants: list[dict]) -> dict[str, User]:
    users = {}
    for spec in applicants:
        organisation = kommune_organisation(spec["kommune"])
        users[spec["email"]] = ensure_person(spec, organisation, organisation.kommune)
    return users


# Calls


def ensure_call(spec: dict, criteria: list, today: date) -> FundingCall:
    """The call by slug; made once, with its dates relative to the day it is made."""
    call = FundingCall.objects.filter(slug=spec["slug"]).first()
    if call is not None:
        return call
    closes_on = today + timedelta(days=spec["closes"])
    # A call that closes late in the year is for the next year's projects, and is named by that year.
    project_year = (closes_on + timedelta(days=60)).year
    call = FundingCall.objects.create(
        slug=spec["slug"],
        office=spec["office"],
        title=spec["title"].format(year=project_year),
        text=spec["text"].format(year=closes_on.year),
        frame_nok=spec["frame_nok"],
        opens_on=today + timedelta(days=spec["opens"]),
        closes_on=closes_on,
        interim_report_due=today + timedelta(days=spec["interim"]),
        report_due=today + timedelta(days=spec["report"]),
        minimum_amount_nok=spec["minimum"],
        allows_co_applicants=spec["co"],
    )
    AssessmentCriterion.objects.bulk_create(
        AssessmentCriterion(call=call, name=name, description=text, weight=weight, sort_order=n)
        for n, (name, text, weight) in enumerate(criteria)
    )
    return call


# Applications


def application_data(spec: dict, call: FundingCall, kommune: Kommune, user: User) -> ApplicationData:
    """What the applicant writes: the spec's text after the kommune's demographic brief, its partners from the registry."""
    problem = "\n\n".join(part for part in (demographic_brief(kommune), spec["problem"]) if part)
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=[name for name, _ in spec["partners"]])}
    if missing := [name for name, _role in spec["partners"] if name not in organisations]:
        raise LookupError(f"Partnerne {', '.join(missing)} finnes ikke i registeret. Last partnerdemoen først.")
    return ApplicationData(
        fields={
            "title": spec["title"],
            "summary": spec["summary"],
            "problem": problem,
            "goal": spec["goal"],
            "phase": spec["phase"],
            "amount_sought_nok": spec["sought"],
            "contact_name": user.get_full_name(),
            "contact_email": user.email,
            "contact_phone": "",
        },
        co_kommuner=list(Kommune.objects.filter(number__in=spec["co_kommuner"])),
        service_areas=spec["service_areas"],
        challenges=list(dict.fromkeys([*kommune_challenges(kommune), *spec["challenges"]])),
        partners=[PartnerRow(organisations[name], role) for name, role in spec["partners"]],
        budget=[
            BudgetRow(call.closes_on.year + offset, item, amount, own) for offset, item, amount, own in spec["budget"]
        ],
    )


def apply_to_open_call(spec: dict, call: FundingCall, kommune: Kommune, user: User) -> Application:
    """A draft started from the kommune's profile, then submitted or withdrawn as the spec says."""
    application = start_application(user, call, kommune)
    application = save_application(user, application, application_data(spec, call, kommune, user))
    if spec["status"] == Status.SUBMITTED:
        application = submit_application(user, application)
    elif spec["status"] == Status.WITHDRAWN:
        application = withdraw_application(user, application)
    return application


def applied_before_closing(spec: dict, call: FundingCall, kommune: Kommune, user: User, number: int) -> Application:
    """An application submitted before the call closed: saved through the service, then moved to submitted as
    `submit_application` does (it refuses a call that has closed), complete as submission requires."""
    application = Application.objects.create(
        call=call,
        office=call.office,
        year=call.closes_on.year,
        lead_kommune=kommune,
        title=spec["title"],
        created_by=user,
    )
    application = save_application(user, application, application_data(spec, call, kommune, user))
    if missing := missing_fields(application, stored_data(application)):
        raise ValueError(f"Demosøknaden «{spec['title']}» mangler {', '.join(missing)}.")
    lifecycle.move(application, Status.SUBMITTED)
    submitted = _at(call.closes_on - timedelta(days=2 + 3 * number), 14)
    Application.objects.filter(pk=application.pk).update(
        submitted_at=submitted, created_at=submitted - timedelta(days=18)
    )
    return application


def assess_and_decide(spec: dict, application: Application, assessor: User) -> None:
    call = application.call
    criteria = list(call.criteria.all())
    scores = [ScoreInput(criterion, score) for criterion, score in zip(criteria, spec["scores"], strict=True)]
    save_assessment(assessor, application, no_conflict=True, scores=scores, comment=spec["assessment"])
    Assessment.objects.filter(application=application).update(updated_at=_at(call.closes_on + timedelta(days=24), 10))
    if spec["granted"] is None:
        return
    decide(assessor, application, amount_nok=spec["granted"], reason=spec["reason"])
    Allocation.objects.filter(application=application).update(decided_at=_at(call.closes_on + timedelta(days=42), 9))


def report(application: Application, user: User, assessor: User, kind: str, spec: dict, today: date) -> None:
    """The report written and submitted by the applicant and, if the spec says so, approved by the office."""
    values = {name: value for name, value in spec.items() if name != "approve"}
    written = save_report(user, application, kind, values, submit=True)
    call = application.call
    submitted = (
        call.interim_report_due - timedelta(days=3) if kind == Report.Kind.INTERIM else today - timedelta(days=9)
    )
    Report.objects.filter(pk=written.pk).update(submitted_at=_at(submitted, 15))
    if spec["approve"]:
        application.refresh_from_db()
        review_report(assessor, written, approve=True, comment="Takk for god rapport. Rapporten er godkjent.")
        Report.objects.filter(pk=written.pk).update(approved_at=_at(submitted + timedelta(days=5), 11))


def remind_final_report(application: Application, today: date) -> None:
    """What the reminder run does when the final report falls due: note the reminder and make the report due."""
    sent_on = max(application.call.report_due - timedelta(days=14), application.call.closes_on)
    ReportReminder.objects.create(application=application, kind=Report.Kind.FINAL, sent_on=min(sent_on, today))
    lifecycle.move(application, Status.REPORTING_DUE)


def publish_approved(application: Application, user: User):
    """«Publiser som eksempel», then the editors' approval through the case's moderation workflow."""
    page = publish_as_case(user, application)
    state = WorkflowState.objects.filter(
        base_content_type=page.get_base_content_type(), object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).first()
    while state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        state.current_task_state.approve(user=None)
        state.refresh_from_db()
    return page


def build_application(
    spec: dict, number: int, call: FundingCall, users: dict[str, User], assessor: User, today: date
) -> Application:
    user = users[spec["applicant"]]
    kommune = Kommune.objects.get(number=spec["kommune"])
    if call.is_open:
        return apply_to_open_call(spec, call, kommune, user)
    application = applied_before_closing(spec, call, kommune, user, number)
    assess_and_decide(spec, application, assessor)
    reports = spec.get("reports", {})
    if interim := reports.get(Report.Kind.INTERIM):
        report(Application.objects.get(pk=application.pk), user, assessor, Report.Kind.INTERIM, interim, today)
    if spec["status"] == Status.REPORTING_DUE:
        remind_final_report(Application.objects.select_related("call").get(pk=application.pk), today)
    if final := reports.get(Report.Kind.FINAL):
        report(Application.objects.get(pk=application.pk), user, assessor, Report.Kind.FINAL, final, today)
    if reports.get("publish"):
        publish_approved(Application.objects.get(pk=application.pk), user)
    application.refresh_from_db()
    if application.status != spec["status"]:
        raise ValueError(f"Demosøknaden «{spec['title']}» endte som {application.status}, ikke {spec['status']}.")
    return application


def load_demo_funding(stdout=None) -> DemoResult:
    spec = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    today = timezone.localdate()
    result = DemoResult()
    with transaction.atomic():
        assessors = ensure_offices(spec["offices"])
        result.desks = OfficeDesk.objects.count()
        users = ensure_applicants(spec["applicants"])
        calls = {}
        for call_spec in spec["calls"]:
            existed = FundingCall.objects.filter(slug=call_spec["slug"]).exists()
            calls[call_spec["key"]] = ensure_call(call_spec, spec["criteria"], today)
            result.calls_created += not existed
        for number, application in enumerate(spec["applications"]):
            call = calls[application["call"]]
            if Application.objects.filter(call=call, title=application["title"]).exists():
                continue
            build_application(application, number, call, users, assessors[call.office], today)
            result.applications_created += 1
        result.grants = import_grant_file(GRANTS_FILE)
    if stdout is not None:
        stdout.write(
            f"Tilskudd: {result.desks} embeter, {result.calls_created} nye utlysninger, "
            f"{result.applications_created} nye søknader; historiske tildelinger: {len(result.grants.created)} nye, "
            f"{len(result.grants.updated)} oppdatert, {len(result.grants.unchanged)} uendret."
        )
    return result
