"""Demo content: the case library page and the cases in data/demo_cases.jsonl, through the importer.

Idempotent: the index is found by slug and the cases are updated by slug.
"""

from pathlib import Path

from innoplatform.core.site_setup import ensure_home_page

from .importer import import_cases
from .models import CaseIndexPage

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_cases.jsonl"
INDEX_SLUG = "eksempler"
INDEX_INTRODUCTION = (
    "Hva har andre kommuner prøvd, hvem samarbeidet de med, og hvordan gikk det? "
    "Filtrer på tjenesteområde, fase, utfordring og fylke, og finn noen å lære av. "
    "Eksemplene i demoinnholdet er oppdiktet, men bygger på typiske erfaringer fra norske kommuner."
)


def ensure_case_index() -> CaseIndexPage:
    home = ensure_home_page()
    index = CaseIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        index = home.add_child(instance=CaseIndexPage(title="Eksempler", slug=INDEX_SLUG, live=False))
    index.title = "Eksempler"
    index.introduction = INDEX_INTRODUCTION
    index.save_revision().publish()
    return index


def load_demo_cases(stdout=None) -> None:
    index = ensure_case_index()
    with DEMO_FILE.open(encoding="utf-8") as lines:
        result = import_cases(lines, index, publish=True)
    if stdout is not None:
        stdout.write(f"Eksempler: {len(result.created)} nye, {len(result.updated)} oppdatert.")
