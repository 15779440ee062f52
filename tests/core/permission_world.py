"""The people and things the permission matrix asks about: one of each kind of object a URL can name.

Organisation A is a kommune (Kongsvinger) with a member and an admin, B a research institution with a
member. A owns a partner post that B has expressed interest in; A's member applies for funding; a
participant follows a course with a certificate and a cohort. The moderator, editor and superuser are
the platform's own staff.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from cases.factories import CasePageFactory
from cases.library import ensure_case_index
from courses.enrolment import enrol
from courses.library import ensure_course_index
from courses.models import Cohort, Enrollment
from courses.progress import course_outline
from funding.factories import ApplicationFactory, FundingCallFactory, grant
from funding.models import ApplicationPartner, OfficeDesk
from funding.offices import Office
from innoplatform.accounts.factories import UserFactory
from innoplatform.core.models import StandardPage
from innoplatform.core.site_setup import ensure_home_page
from innoplatform.municipalities.models import Fylke, Kommune
from innoplatform.municipalities.registry import load_registry
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from innoplatform.organisations.models import Membership
from partners.digest import unsubscribe_token
from partners.factories import publish_post
from partners.interest import InterestData, send_interest
from tests.courses.conftest import small_course

ROLES = ("anonymous", "participant", "member_a", "member_b", "admin_a", "moderator", "editor", "superuser")


@dataclass
class World:
    users: dict
    kommune: Kommune
    org_a: object
    org_b: object
    membership_a: Membership
    case: object
    course: object
    first_lesson: object
    lesson: object
    quiz_id: str
    reflection_id: str
    cohort: Cohort
    certificate_code: str
    post: object
    interest: object
    digest_token: str
    call: object
    application: object
    granted: object
    document: object
    restriction: PageViewRestriction
    members_only: object


def _staff(group_name: str, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _block_id(lesson, block_type: str) -> str:
    return next(block.id for block in lesson.body if block.block_type == block_type)


def build_world() -> World:
    if not Kommune.objects.exists():  # a transactional test before this one emptied the tables
        load_registry(Fylke, Kommune)
    home = ensure_home_page()
    kommune = Kommune.objects.get(number="3401")
    org_a = OrganisationFactory(name="Kongsvinger kommune", sector="kommune", kommune=kommune)
    org_b = OrganisationFactory(name="Høgskolen i Innlandet", sector="fou", kommune=Kommune.objects.get(number="3403"))
    users = {
        "participant": UserFactory(email="deltaker@example.no"),
        "member_a": UserFactory(email="medlem@kongsvinger.example.no"),
        "member_b": UserFactory(email="forsker@inn.example.no"),
        "admin_a": UserFactory(email="admin@kongsvinger.example.no"),
        "moderator": _staff("Moderators", email="moderator@innovasjon.example.no"),
        "editor": _staff("Editors", email="redaktor@innovasjon.example.no"),
        "superuser": UserFactory(email="drift@innovasjon.example.no", is_staff=True, is_superuser=True),
    }
    membership_a = MembershipFactory(organisation=org_a, user=users["member_a"])
    MembershipFactory(organisation=org_b, user=users["member_b"])
    MembershipFactory(organisation=org_a, user=users["admin_a"], role=Membership.Role.ADMIN)

    case = CasePageFactory(parent=ensure_case_index(), title="Digitalt nattilsyn", kommuner=[kommune])
    course = small_course(ensure_course_index(), sequential=False)
    first_lesson, lesson = (lesson.specific for lesson in course_outline(course)[0].lessons)
    cohort = Cohort.objects.create(
        course=course, name="Innlandet, høsten 2026", starts_on=timezone.localdate(), facilitator=users["editor"]
    )
    enrol(users["participant"], course, cohort=cohort)
    graduate = enrol(UserFactory(email="ferdig@example.no"), course, cohort=cohort)
    Enrollment.objects.filter(pk=graduate.pk).update(completed_at=timezone.now(), certificate_code="ABCD-EFGH-JKLM")

    post = publish_post(
        org_a, "need", "Sensorer for nattilsyn", "Vi søker partnere til utprøving.", author=users["member_a"]
    )
    interest = send_interest(users["member_b"], post, org_b, InterestData(offer="Vi kan bidra med følgeforskning."))

    OfficeDesk.objects.create(
        office=Office.INNLANDET, organisation=OrganisationFactory(name="Statsforvalteren i Innlandet", sector="stat")
    )
    call = FundingCallFactory(office=Office.INNLANDET, title="Innovasjonsmidler 2027", slug="innovasjonsmidler-2027")
    application = ApplicationFactory(
        call=call, lead_kommune=kommune, title="Digitalt nattilsyn", created_by=users["member_a"]
    )
    ApplicationPartner.objects.create(application=application, organisation=org_b, name=org_b.name, role="Forskning")
    granted = ApplicationFactory(call=call, lead_kommune=kommune, title="Velferdsteknologi", status="submitted")
    grant(granted)

    document = get_document_model().objects.create(title="Veileder")
    document.file.save("veileder.txt", ContentFile(b"Veileder for innovasjon i kommunen.\n"))
    private = home.add_child(instance=StandardPage(title="Lukket side", slug="lukket"))
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    members_only = home.add_child(instance=StandardPage(title="For innloggede", slug="for-innloggede"))
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    return World(
        users=users,
        kommune=kommune,
        org_a=org_a,
        org_b=org_b,
        membership_a=membership_a,
        case=case,
        course=course,
        first_lesson=first_lesson,
        lesson=lesson,
        quiz_id=_block_id(lesson, "quiz"),
        reflection_id=_block_id(lesson, "reflection"),
        cohort=cohort,
        certificate_code="ABCD-EFGH-JKLM",
        post=post,
        interest=interest,
        digest_token=unsubscribe_token(users["member_b"]),
        call=call,
        application=application,
        granted=granted,
        document=document,
        restriction=restriction,
        members_only=members_only,
    )
