"""The course index page: where it is, making sure there is one, and the module that teaches a phase."""

from innoplatform.core.site_setup import ensure_home_page

from .models import CourseIndexPage, ModulePage

INDEX_SLUG = "kurs"
INDEX_TITLE = "Kurs"
INDEX_INTRODUCTION = (
    "Lær innovasjonsprosessen én fase av gangen, i ditt eget tempo eller sammen med et kull, "
    "og arbeid med et innovasjonsprosjekt i din egen kommune underveis."
)


def course_index() -> CourseIndexPage | None:
    return CourseIndexPage.objects.live().first()


def ensure_course_index() -> CourseIndexPage:
    """The course index under the home page at /kurs/, created and published if missing; editors' changes stay."""
    index = CourseIndexPage.objects.first()
    if index is None:
        index = ensure_home_page().add_child(
            instance=CourseIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, introduction=INDEX_INTRODUCTION, live=False)
        )
    if not index.live:
        index.save_revision().publish()
    return index


def module_for_phase(phase: str) -> ModulePage | None:
    """The first published module teaching `phase`, in the order the courses stand in the page tree."""
    return ModulePage.objects.live().filter(phase=phase).order_by("path").first()
