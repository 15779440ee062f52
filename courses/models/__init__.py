"""Models of the courses: the pages, a participant's progress, and cohorts."""

from .cohorts import Cohort, CohortGroup, CohortModuleOpening
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .progress import Enrollment, LessonCompletion, QuizAttempt, ReflectionAnswer

__all__ = [
    "Cohort",
    "CohortGroup",
    "CohortModuleOpening",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "QuizAttempt",
    "ReflectionAnswer",
]
