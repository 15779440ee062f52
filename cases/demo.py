"""Demo content: the case library page and the cases in data/demo_cases.jsonl, through the importer.

Idempotent: the index is found by slug and the cases are updated by slug.
"""

from pathlib import Path

from .importer import import_cases
from .library import INDEX_INTRODUCTION, ensure_case_index

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_cases.jsonl"
DEMO_INTRODUCTION = f"{INDEX_INTRODUCTION} Eksemplene i demoinnholdet er oppdiktet, men bygger på typiske erfaringer fra norske kommuner."


def load_demo_cases(stdout=None) -> None:
    index = ensure_case_index()
    index.introduction = DEMO_INTRODUCTION
    index.save_revision().publish()
    with DEMO_FILE.open(encoding="utf-8") as lines:
        result = import_cases(lines, index, publish=True)
    if stdout is not None:
        stdout.write(f"Eksempler: {len(result.created)} nye, {len(result.updated)} oppdatert.")
