"""The demo courses' content as plain Python: courses, their tools, and the demo cohort with its participants.

The lesson bodies are built with the helpers in `courses.factories`; the few
blocks those lack are here. A tool block names its document by key (see
`tools.TOOLS`), and the loader puts in the real Wagtail document.
"""

import uuid
from dataclasses import dataclass, field

from courses.factories import ModuleSpec


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}, "id": str(uuid.uuid4())}


def info_box(title: str, html: str, *, variant: str = "info") -> dict:
    return {"type": "info_box", "value": {"title": title, "text": html, "variant": variant}, "id": str(uuid.uuid4())}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}, "id": str(uuid.uuid4())}


def tool(key: str, description: str) -> dict:
    """A downloadable tool; `key` names one of `tools.TOOLS`, whose document the loader fills in."""
    return {"type": "tool", "value": {"document": key, "description": description}, "id": str(uuid.uuid4())}


@dataclass
class CourseSpec:
    title: str
    slug: str
    introduction: str
    audience: str
    outcomes: tuple[str, ...]
    estimated_hours: int
    sequential: bool
    modules: list[ModuleSpec]
    body: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Person:
    email: str
    first_name: str
    last_name: str
    job_title: str
    kommune: str = ""
    """The kommune's four-digit number, or empty for someone who does not work in a kommune."""


@dataclass(frozen=True)
class Participation:
    """Where one demo participant stands in one course; lessons are named «module-slug/lesson-slug»."""

    email: str
    course: str
    group: str = ""
    """The name of a group in the demo cohort; empty for a participant taking the course on their own."""
    lessons_done: int = 0
    """How many lessons, from the start of the course and in its order, the participant has finished."""
    failed_first: tuple[str, ...] = ()
    """Lessons whose quiz the participant failed once before passing it."""
    failed_attempt_on: str = ""
    """A lesson after the finished ones whose quiz the participant has tried once and failed."""
    answers: dict[str, str] = field(default_factory=dict)
    """Answers to the reflection question of a lesson, by lesson."""
    project_title: str = ""
    share_reflections: bool = False
    enrolled_days_ago: int = 0


@dataclass(frozen=True)
class CohortSpec:
    course: str
    region: str
    """The cohort is named «<region>, våren|høsten <year>» after the date it started."""
    invitation_code: str
    facilitator: str
    groups: tuple[tuple[str, str], ...]
    """(name, kommune number or "") of each group."""
    started_weeks_ago: int
    weeks_per_module: int
