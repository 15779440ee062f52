"""Models of the case library: the pages, their list parts and the reuse marks."""

from .details import (
    VOCABULARIES,
    CaseCode,
    CaseFunding,
    CasePartner,
    CaseResultFigure,
    CaseStatus,
    CaseTag,
    Dimension,
)
from .pages import CaseIndexPage, CasePage
from .reuse import CaseReuse

__all__ = [
    "VOCABULARIES",
    "CaseCode",
    "CaseFunding",
    "CaseIndexPage",
    "CasePage",
    "CasePartner",
    "CaseResultFigure",
    "CaseReuse",
    "CaseStatus",
    "CaseTag",
    "Dimension",
]
