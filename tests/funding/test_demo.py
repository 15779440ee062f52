"""The funding demo: ten offices with assessors, two open calls and one closed and assessed, applications in every
status, reports and a case, at least 40 historical grants over every office and year; loaded twice without a change."""

from datetime import timedelta

import pytest

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from wagtail import hooks

from cases.demo import load_demo_cases
from cases.models import CasePage
from funding.demo import load_demo_funding
from funding.models import (
    Allocation,
    Application,
    ApplicationCode,
    ApplicationPartner,
    Assessment,
    BudgetLine,
    FundingCall,
    OfficeDesk,
    Report,
    Score,
)
from funding.offices import OFFICE_FYLKER, Office
from funding.permissions import Roles
from innoplatform.accounts.demo import DEMO_PASSWORD
from innoplatform.accounts.models import User
from innoplatform.core.site_setup import ensure_home_page
from innoplatform.municipalities.demo import load_demo_population
from innoplatform.municipalities.public import demographic_brief
from innoplatform.organisations.models import Membership, Organisation
from innoplatform.organisations.validators import orgnr_is_valid
from partners.demo import load_demo_partners

pytestmark = pytest.mark.django_db

DEMO_KOMMUNER = ["4001", "4003", "4005", "4012", "4014", "4026", "4036", "4601", "4627"]
Status = Application.Status


def snapshot() -> tuple:
    """Every row the demo writes, with its timestamps, so that a second run that writes anything shows."""
    return (
        sorted(OfficeDesk.objects.values_list("office", "organisation_id")),
        sorted(Organisation.objects.values_list("pk", "name", "verified", "updated_at")),
        sorted(Membership.objects.values_list("organisation_id", "user__email", "status")),
        User.objects.count(),
        sorted(FundingCall.objects.values_list("slug", "opens_on", "closes_on", "granted_nok")),
        sorted(Application.objects.values_list("pk", "title", "status", "updated_at")),
        sorted(Allocation.objects.values_list("pk", "amount_nok", "decided_at")),
        sorted(Assessment.objects.values_list("pk", "updated_at")),
        Score.objects.count(),
        sorted(ApplicationPartner.objects.values_list("pk", "name")),
        sorted(ApplicationCode.objects.values_list("pk", flat=True)),
        sorted(BudgetLine.objects.values_list("pk", flat=True)),
        sorted(Report.objects.values_list("pk", "status", "submitted_at")),
        CasePage.objects.count(),
    )


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demos funding builds on and the funding demo, loaded once for the module and rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_home_page()
        load_demo_population(kommuner=DEMO_KOMMUNER)
        load_demo_partners()
        load_demo_cases()
        load_demo_funding()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    return None


def own_applications():
    return Application.objects.filter(imported=False)


def test_the_loader_is_registered_after_cases_and_partners():
    hooks.get_hooks("register_demo_loader")  # every app's wagtail_hooks first, as at start-up
    from funding import demo_hooks  # noqa: F401  (until funding.wagtail_hooks imports it)

    loaders = list(hooks.get_hooks("register_demo_loader"))
    names = [f"{loader.__module__}.{loader.__name__}" for loader in loaders]
    assert load_demo_funding in loaders
    assert names.index("funding.demo.load_demo_funding") > names.index("partners.demo.load_demo_partners")
    assert names.index("funding.demo.load_demo_funding") > names.index("cases.demo.load_demo_cases")


def test_every_office_has_a_verified_desk_with_an_assessor(demo):
    desks = list(OfficeDesk.objects.select_related("organisation"))
    assert sorted(desk.office for desk in desks) == sorted(Office.values)
    for desk in desks:
        organisation = desk.organisation
        assert organisation.verified and organisation.sector == "stat"
        assert organisation.name == str(Office(desk.office).label)
        assert orgnr_is_valid(organisation.orgnr)
        member = Membership.objects.get(organisation=organisation, status=Membership.Status.APPROVED).user
        assert member.check_password(DEMO_PASSWORD) and member.emailaddress_set.get().verified
        assert Roles.of(member).offices == {desk.office}


def test_the_partner_demos_office_organisation_is_reused(demo):
    assert Organisation.objects.filter(name="Statsforvalteren i Vestfold og Telemark").count() == 1
    assert OfficeDesk.objects.get(office=Office.VESTFOLD_TELEMARK).organisation.orgnr == "935006899"


def test_the_demo_kommune_user_can_apply_for_skien(demo):
    kari = User.objects.get(email="kari.nordmann@skien.kommune.example")
    assert kari.check_password(DEMO_PASSWORD)
    skien = Organisation.objects.get(sector="kommune", kommune__number="4003")
    assert skien.pk in Roles.of(kari).organisation_ids
    assert skien.kommune_id in Roles.of(kari).kommune_ids


def test_two_open_calls_of_two_offices_with_realistic_frames(demo):
    today = timezone.localdate()
    open_calls = list(FundingCall.objects.open())
    assert len(open_calls) == 2
    assert len({call.office for call in open_calls}) == 2
    for call in open_calls:
        assert 8_000_000 <= call.frame_nok <= 15_000_000
        assert today + timedelta(days=7) <= call.closes_on <= today + timedelta(days=42)
        assert call.criteria.count() == 5 and sum(c.weight for c in call.criteria.all()) == 100
        assert len(call.text) > 400


def test_one_closed_call_assessed_with_scores_and_allocations_within_its_frame(demo):
    closed = [call for call in FundingCall.objects.all() if call.has_closed]
    assert len(closed) == 1
    call = closed[0]
    assert timedelta(days=150) <= timezone.localdate() - call.closes_on <= timedelta(days=365)
    applications = list(call.applications.all())
    criteria = call.criteria.count()
    for application in applications:
        assessment = Assessment.objects.get(application=application)
        assert assessment.scores.count() == criteria
        assert assessment.updated_at.date() > call.closes_on >= application.submitted_at.date()
    allocations = Allocation.objects.filter(application__call=call)
    granted = allocations.aggregate(total=Sum("amount_nok"))["total"]
    assert call.granted_nok == granted
    assert 0 < granted < call.frame_nok
    assert allocations.filter(amount_nok=0).count() == 1
    assert all(a.decided_at.date() > call.closes_on for a in allocations)


def test_applications_in_every_status(demo):
    statuses = sorted(own_applications().values_list("status", flat=True))
    assert set(statuses) == set(Status.values)
    assert statuses.count(Status.DRAFT) == 2 and statuses.count(Status.SUBMITTED) == 2


def test_applications_start_from_the_kommunes_brief_and_name_registry_partners(demo):
    for application in own_applications().exclude(status=Status.DRAFT).select_related("lead_kommune"):
        brief = demographic_brief(application.lead_kommune)
        assert brief and application.problem.startswith(brief)
        assert application.budget_lines.exists()
        assert application.codes.filter(dimension=ApplicationCode.Dimension.SERVICE_AREA).exists()
        assert application.codes.filter(dimension=ApplicationCode.Dimension.CHALLENGE).exists()
        assert all(partner.organisation_id for partner in application.partners.all())
    assert ApplicationPartner.objects.filter(application__imported=False, organisation__isnull=False).count() >= 10


def test_reports_and_the_final_report_published_as_a_case(demo):
    reports = Report.objects.select_related("application")
    assert sorted(reports.values_list("kind", "status")) == [
        ("final", "approved"),
        ("final", "submitted"),
        ("interim", "approved"),
    ]
    closed = own_applications().get(status=Status.CLOSED)
    case = CasePage.objects.get(pk=closed.case_id)
    assert case.live and case.title == closed.title
    assert [f.amount_nok for f in case.funding.all()] == [closed.allocation.amount_nok]
    assert own_applications().filter(case__isnull=False).count() == 1


def test_historical_grants_over_every_office_and_year_in_realistic_amounts(demo):
    grants = Application.objects.filter(imported=True).select_related("allocation", "lead_kommune__fylke")
    assert grants.count() >= 40
    assert {grant.office for grant in grants} == set(Office.values)
    assert {grant.year for grant in grants} >= set(range(2019, 2026))
    assert all(150_000 <= grant.allocation.amount_nok <= 2_000_000 for grant in grants)
    assert all(grant.lead_kommune.fylke.number in OFFICE_FYLKER[grant.office] for grant in grants)
    assert all(grant.status == Status.CLOSED and grant.is_public for grant in grants)


def test_loading_again_changes_nothing(demo):
    before = snapshot()
    result = load_demo_funding()
    assert result.applications_created == result.calls_created == 0
    assert len(result.grants.unchanged) == Application.objects.filter(imported=True).count()
    assert snapshot() == before
