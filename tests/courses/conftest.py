"""A small course to test the rules on: two modules of two lessons; the second lesson has a quiz and a reflection."""

import pytest

from courses.factories import LessonSpec, ModuleSpec, build_course, option, paragraph, question, quiz, reflection
from courses.library import ensure_course_index
from innoplatform.accounts.factories import UserFactory
from innoplatform.municipalities.models import Kommune


def small_course(index, *, slug="innovasjon", sequential=True, max_attempts=3):
    return build_course(
        index,
        "Innovasjon i kommunen",
        [
            ModuleSpec(
                "Forankring",
                "forankring",
                [
                    LessonSpec("Hvorfor innovere?", [paragraph("<p>Innovasjon er noe nytt som er nyttig.</p>")]),
                    LessonSpec(
                        "Forankre i ledelsen",
                        [
                            paragraph("<p>Uten forankring stopper arbeidet.</p>"),
                            quiz(
                                [
                                    question(
                                        "Hvem må være med fra starten?",
                                        [
                                            option("Ledelsen", correct=True, feedback="Ja, ledelsen må eie arbeidet."),
                                            option("Bare IT", feedback="Nei, innovasjon er mer enn teknologi."),
                                        ],
                                    ),
                                    question(
                                        "Hva hører til forankring?",
                                        [
                                            option("Et tydelig mandat", correct=True),
                                            option("Ressurser satt av", correct=True),
                                            option("Et ferdig svar", feedback="Svaret finner dere underveis."),
                                        ],
                                        kind="multiple",
                                    ),
                                ],
                                pass_mark=100,
                                max_attempts=max_attempts,
                            ),
                            reflection("Hvilken utfordring vil du arbeide med?", use_in_case="summary"),
                        ],
                    ),
                ],
            ),
            ModuleSpec(
                "Innsikt",
                "innsikt",
                [
                    LessonSpec("Snakk med brukerne", [reflection("Hva sa brukerne?")]),
                    LessonSpec("Les mer", [paragraph("<p>Valgfri fordypning.</p>")], required=False),
                ],
            ),
        ],
        slug=slug,
        sequential=sequential,
        outcomes=("forankre et innovasjonsarbeid",),
    )


@pytest.fixture
def course_index(home_page):
    return ensure_course_index()


@pytest.fixture
def course(course_index):
    return small_course(course_index)


@pytest.fixture
def lessons(course):
    from courses.progress import course_outline

    return [lesson for outline in course_outline(course) for lesson in outline.lessons]


@pytest.fixture
def participant(db):
    return UserFactory(first_name="Kari", last_name="Nordmann", kommune=Kommune.objects.get(number="4003"))


def quiz_of(lesson):
    return next(block for block in lesson.body if block.block_type == "quiz")


def right_answers(lesson) -> dict[str, list[str]]:
    """The form fields that answer every question of the lesson's quiz right."""
    data = {}
    for item in quiz_of(lesson).value["questions"].bound_blocks:
        data[f"q-{item.id}"] = [o.id for o in item.value["options"].bound_blocks if o.value["correct"]]
    return data


def wrong_answers(lesson) -> dict[str, list[str]]:
    data = {}
    for item in quiz_of(lesson).value["questions"].bound_blocks:
        data[f"q-{item.id}"] = [o.id for o in item.value["options"].bound_blocks if not o.value["correct"]][:1]
    return data
