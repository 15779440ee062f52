"""What each app's documents hold, and that changes to what they show reach them."""

import pytest

from courses.factories import LessonSpec, ModuleSpec, build_course, option, paragraph, question, quiz
from courses.models import CourseIndexPage, LessonPage, ModulePage
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import MembershipFactory, OrganisationFactory
from partners.factories import publish_post
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def document(doc_type, object_id):
    return SearchDocument.objects.filter(doc_type=doc_type, object_id=object_id).first()


@pytest.fixture
def course(home_page):
    index = home_page.add_child(instance=CourseIndexPage(title="Kurs", slug="kurs"))
    index.save_revision().publish()
    lesson = LessonSpec(
        title="Hva er en gevinst?",
        introduction="Gevinster kan være kvalitet, tid og penger.",
        body=[
            paragraph("<p>En gevinst må kunne måles før piloten starter.</p>"),
            quiz([question("Når måler dere?", [option("Hemmelig svaralternativ", correct=True), option("Aldri")])]),
        ],
    )
    return build_course(
        index,
        "Gevinstrealisering i praksis",
        [ModuleSpec(title="Innsikt i behovene", phase="innsikt", lessons=[lesson])],
        slug="gevinst",
        introduction="Planlegg, mål og hent ut gevinstene.",
    )


def test_courses_and_lessons_are_indexed_without_quiz_answers(course):
    assert document("course", course.pk).title == "Gevinstrealisering i praksis"
    lesson = LessonPage.objects.get(title="Hva er en gevinst?")
    row = document("lesson", lesson.pk)
    assert "måles før piloten" in row.body and "Innsikt i behovene" in row.body
    assert "Hemmelig svaralternativ" not in row.body and "Når måler dere" not in row.body
    assert row.facets == {"fase": ["innsikt"]}
    assert row.url == lesson.url


def test_a_modules_new_phase_reaches_its_lessons(course):
    module = ModulePage.objects.get(title="Innsikt i behovene")
    module.phase = "pilotering"
    module.save_revision().publish()
    lesson = LessonPage.objects.get(title="Hva er en gevinst?")
    assert document("lesson", lesson.pk).facets == {"fase": ["pilotering"]}


def test_a_courses_new_slug_reaches_its_lessons(course, django_capture_on_commit_callbacks):
    course.slug = "gevinster"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail announces a new slug after commit
        course.save_revision().publish()
    lesson = LessonPage.objects.get(title="Hva er en gevinst?")
    assert document("lesson", lesson.pk).url.startswith("/kurs/gevinster/")


def test_deleting_a_parent_page_takes_its_pages_out(course):
    lesson = LessonPage.objects.get(title="Hva er en gevinst?")
    course.delete()
    assert document("lesson", lesson.pk) is None and document("course", course.pk) is None


def test_a_renamed_kommune_reaches_its_cases_and_organisations(add_case):
    kommune = Kommune.objects.get(number="4003")
    case = add_case("Nattilsyn", "Sensorer.", kommuner=[kommune])
    organisation = OrganisationFactory(name="Skien frivilligsentral", kommune=kommune)
    kommune.name = "Skien by"
    kommune.save()
    assert "Skien by" in document("case", case.pk).body
    assert "Skien by" in document("organisation", organisation.pk).body


def test_an_organisations_new_name_and_sector_reach_its_posts():
    organisation = OrganisationFactory(name="Besøkstjenesten", sector="frivillig")
    MembershipFactory(organisation=organisation, role="admin", status="approved")
    post = publish_post(organisation, "offer", "Besøksvenner", "Vi har 30 besøksvenner.")
    organisation.name = "Besøkstjenesten i Skien"
    organisation.sector = "kommune"
    organisation.save()
    row = document("post", post.pk)
    assert "Besøkstjenesten i Skien" in row.body and row.facets["sektor"] == ["kommune"]


def test_a_new_code_on_a_case_reaches_its_facets(add_case):
    from cases.models import CaseCode

    case = add_case("Felles barnehageopptak", "Ett opptak.", service_areas=["barnehage"])
    CaseCode.objects.create(page=case, dimension="challenge", code="faerre-barn")
    assert document("case", case.pk).facets["utfordring"] == ["faerre-barn"]


def test_overlong_words_are_not_indexed_and_do_not_break_a_rebuild(add_case):
    from search.indexing import rebuild

    runs = "a" * 120 + "b", "a" * 120 + "c"
    case = add_case("Koder", f"{runs[0]} {runs[1]} sensor")
    rebuild()
    row = document("case", case.pk)
    assert row.summary_terms.split() == ["sensor"]
