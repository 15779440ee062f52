"""The people and content of the mixed load test, and the count afterwards, run inside the served site.

Both functions run through `manage.py shell` with the site's own settings and database, never in the test
process, and print one line of JSON after a marker. Every pool is sized so that its writer has work for
the whole minute on an idle machine and stays within the platform's rate limits: posts are 30 an hour
per user, expressions of interest 10, so those writers take turns among several members.
"""

import json
from datetime import timedelta

PASSWORD = "Lang-og-trygg-2026"
MARKER = "LOAD-JSON "

POSTERS = 10
SENDERS = 24
POSTS_FOR_INTEREST = 24
ENROLLERS = 15
SHORT_COURSES = 14
LEARNERS = 10
LONG_COURSE_MODULES = 3
LESSONS_PER_MODULE = 8
DECISIONS = 450


def _emit(data) -> None:
    print(MARKER + json.dumps(data))


def build() -> None:
    """Create the world the load needs and print where everything is (ids, slugs, URLs, users)."""
    from allauth.account.models import EmailAddress

    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.test import Client
    from django.utils import timezone

    from cases.factories import CasePageFactory
    from cases.library import ensure_case_index
    from courses.enrolment import enrol
    from courses.factories import LessonSpec, ModuleSpec, build_course, paragraph
    from courses.library import ensure_course_index
    from courses.progress import course_outline
    from funding.factories import ApplicationFactory, FundingCallFactory
    from funding.models import Application, OfficeDesk
    from funding.offices import Office
    from innoplatform.accounts.models import User
    from innoplatform.core.site_setup import ensure_home_page
    from innoplatform.municipalities.models import Kommune
    from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
    from innoplatform.organisations.models import Membership
    from partners.factories import publish_post

    password = make_password(PASSWORD)  # hashed once: production's hasher is slow on purpose

    def user(email: str, organisation=None, role: str = Membership.Role.MEMBER) -> str:
        person = User.objects.create(email=email, password=password, first_name="Last", last_name="Test")
        EmailAddress.objects.create(user=person, email=email, verified=True, primary=True)
        if organisation is not None:
            MembershipFactory(organisation=organisation, user=person, role=role)
        return email

    ensure_home_page()
    kongsvinger = Kommune.objects.get(number="3401")
    hamar = Kommune.objects.get(number="3403")
    kommune_org = OrganisationFactory(name="Kongsvinger kommune", sector="kommune", kommune=kongsvinger)
    office_org = OrganisationFactory(name="Statsforvalteren i Innlandet", sector="stat")
    OfficeDesk.objects.create(office=Office.INNLANDET, organisation=office_org)

    posters = [user(f"skribent{n}@kongsvinger.example.no", kommune_org) for n in range(POSTERS)]
    senders = []
    for n in range(SENDERS):
        partner = OrganisationFactory(name=f"Lastpartner {n}", sector="fou" if n % 2 else "naeringsliv")
        senders.append(user(f"partner{n}@lastpartner.example.no", partner))
    posts = [
        publish_post(
            kommune_org,
            "need",
            f"Samarbeid om velferdsteknologi {n}",
            "Vi søker partnere til utprøving av digitalt tilsyn.",
            author=User.objects.get(email=posters[0]),
            service_areas=["helse-og-omsorg"],
            challenges=["aldring"],
            whole_country=True,
        )
        for n in range(POSTS_FOR_INTEREST)
    ]
    applicant = user("soker@kongsvinger.example.no", kommune_org)
    assessors = [user(f"saksbehandler{n}@statsforvalteren.example.no", office_org) for n in range(2)]

    case = CasePageFactory(parent=ensure_case_index(), title="Digitalt nattilsyn i Kongsvinger", kommuner=[kongsvinger])
    course_index = ensure_course_index()
    short_courses = [
        build_course(
            course_index,
            f"Kortkurs {n}",
            [ModuleSpec("Forankring", "forankring", [LessonSpec("Hvorfor innovere?", [paragraph("<p>Kort.</p>")])])],
            slug=f"kortkurs-{n}",
            sequential=False,
        )
        for n in range(SHORT_COURSES)
    ]
    long_course = build_course(
        course_index,
        "Innovasjon steg for steg",
        [
            ModuleSpec(
                f"Modul {m}",
                "innsikt",
                [LessonSpec(f"Leksjon {m}.{n}", [paragraph("<p>Les og merk som fullført.</p>")]) for n in range(8)],
            )
            for m in range(LONG_COURSE_MODULES)
        ],
        slug="steg-for-steg",
        sequential=False,
    )
    enrollers = [user(f"deltaker{n}@kurs.example.no") for n in range(ENROLLERS)]
    learners = [user(f"elev{n}@kurs.example.no") for n in range(LEARNERS)]
    for email in learners:
        enrol(User.objects.get(email=email), long_course)
    lessons = [lesson for module in course_outline(long_course) for lesson in module.lessons]
    case_index = ensure_case_index()

    today = timezone.localdate()
    open_call = FundingCallFactory(
        office=Office.INNLANDET, title="Lasttest: åpen utlysning", slug="lasttest-apen", frame_nok=500_000_000
    )
    closed_call = FundingCallFactory(
        office=Office.INNLANDET,
        title="Lasttest: til vurdering",
        slug="lasttest-vurdering",
        frame_nok=500_000_000,
        opens_on=today - timedelta(days=60),
        closes_on=today - timedelta(days=1),
    )
    pool = [
        ApplicationFactory(
            call=closed_call,
            lead_kommune=hamar,
            title=f"Prosjekt til vurdering {n}",
            status=Application.Status.UNDER_ASSESSMENT,
            submitted_at=timezone.now() - timedelta(days=2),
        ).pk
        for n in range(DECISIONS)
    ]
    everyone = [*posters, *senders, *enrollers, *learners, applicant, *assessors]
    signing_in = {posters[0], senders[0], enrollers[0], learners[0], applicant, assessors[0]}
    sessions = {}
    for email in everyone:
        if email not in signing_in:  # the others sign in through the login form, over HTTP
            client = Client()
            client.force_login(User.objects.get(email=email))
            sessions[email] = client.cookies[settings.SESSION_COOKIE_NAME].value
    _emit(
        {
            "sessions": sessions,
            "signing_in": sorted(signing_in),
            "organisation": kommune_org.pk,
            "posters": posters,
            "senders": senders,
            "interest_posts": [post.slug for post in posts],
            "enrollers": enrollers,
            "short_courses": [{"id": course.pk, "url": course.url} for course in short_courses],
            "learners": learners,
            "lessons": [{"id": lesson.pk, "url": lesson.url} for lesson in lessons],
            "applicant": applicant,
            "call": open_call.slug,
            "assessors": assessors,
            "decisions": pool,
            "decision_call": closed_call.slug,
            "readers": [
                "/",
                case_index.url,
                case.url,
                long_course.url,
                lessons[0].url,
                "/partnere/",
                posts[0].get_absolute_url(),
                kongsvinger.get_absolute_url(),
                "/kommuner/",
                "/tilskudd/",
                f"/tilskudd/utlysninger/{open_call.slug}/",
            ],
        }
    )


def facts(world_path: str) -> None:
    """Print what the database holds of every kind of write the load made, one row per object."""
    from allauth.account.models import EmailAddress

    from courses.models import Enrollment, LessonCompletion
    from funding.models import Allocation, Application, FundingCall
    from innoplatform.accounts.models import User
    from partners.models import CollaborationPost, Interest

    with open(world_path, encoding="utf-8") as file:
        world = json.load(file)
    prefix = world["run"]
    emails = list(User.objects.filter(email__startswith=prefix).values_list("email", flat=True))
    addresses = list(EmailAddress.objects.filter(email__startswith=prefix).values_list("email", flat=True))
    call = FundingCall.objects.get(slug=world["decision_call"])
    _emit(
        {
            "signups": emails,
            "signup_addresses": addresses,
            "enrolments": [
                [email, course]
                for email, course in Enrollment.objects.filter(user__email__in=world["enrollers"]).values_list(
                    "user__email", "course_id"
                )
            ],
            "completions": [
                [email, lesson]
                for email, lesson in LessonCompletion.objects.filter(
                    enrollment__user__email__in=world["learners"]
                ).values_list("enrollment__user__email", "lesson_id")
            ],
            "posts": list(CollaborationPost.objects.filter(title__startswith=prefix).values_list("title", flat=True)),
            "published_posts": CollaborationPost.objects.filter(title__startswith=prefix, status="published").count(),
            "interests": [
                [email, slug, offer]
                for email, slug, offer in Interest.objects.filter(sender__email__in=world["senders"]).values_list(
                    "sender__email", "post__slug", "offer"
                )
            ],
            "applications": [
                [pk, title, status]
                for pk, title, status in Application.objects.filter(created_by__email=world["applicant"]).values_list(
                    "pk", "title", "status"
                )
            ],
            "allocations": [
                [pk, email, amount]
                for pk, email, amount in Allocation.objects.filter(application__call=call).values_list(
                    "application_id", "decided_by__email", "amount_nok"
                )
            ],
            "undecided": Application.objects.filter(call=call, status=Application.Status.UNDER_ASSESSMENT).count(),
            "granted_nok": call.granted_nok,
        }
    )
