"""The case library's index page: where it is, and making sure there is one."""

from innoplatform.core.site_setup import ensure_home_page

from .models import CaseIndexPage

INDEX_SLUG = "eksempler"
INDEX_TITLE = "Eksempler"
INDEX_INTRODUCTION = (
    "Hva har andre kommuner prøvd, hvem samarbeidet de med, og hvordan gikk det? "
    "Filtrer på tjenesteområde, fase, utfordring og fylke, og finn noen å lære av."
)


def case_library() -> CaseIndexPage | None:
    """The live index page (there is at most one), or None before it is published."""
    return CaseIndexPage.objects.live().first()


def ensure_case_index() -> CaseIndexPage:
    """The library's index page under the home page, created and published if missing; editors' changes stay."""
    index = CaseIndexPage.objects.first()
    if index is None:
        index = ensure_home_page().add_child(
            instance=CaseIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, introduction=INDEX_INTRODUCTION, live=False)
        )
    if not index.live:
        index.save_revision().publish()
    return index
