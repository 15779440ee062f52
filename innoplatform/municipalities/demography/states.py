"""Which figures a kommune has — none, observed only, projection only, or both — and the honest sentence for each.

Every part that shows demography (profile, compare view, API, the case page's
kommune box) starts from a DataState, so none of them states a conclusion the
figures cannot support: without a projection there are no challenges, without
observed figures the starting point is the projection's own first year, and
generated demo years are always named as such.
"""

import enum
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import DemographicSummary, PopulationDataset

FETCH_OBSERVED = "manage.py fetch_ssb --table 07459 --import"
FETCH_PROJECTION = "manage.py fetch_ssb --table 14288 --import"
IMPORT_FILE = "manage.py import_ssb <fil>"


class DataKind(enum.StrEnum):
    NONE = "none"
    OBSERVED = "observed"
    PROJECTION = "projection"
    BOTH = "both"


def year_span(first: int | None, last: int | None) -> str:
    """ "2024" or "2015–2024"; "" when unknown."""
    if last is None:
        return ""
    return str(last) if first in (None, last) else f"{first}–{last}"


@dataclass(frozen=True)
class DataState:
    """What is loaded for one kommune, with what a short honest note needs."""

    kind: DataKind
    base_year: int | None = None
    observed_first_year: int | None = None
    observed_last_year: int | None = None
    ssb_years: tuple[int, ...] = ()
    observed_is_demo: bool = False
    projection_table: str = ""
    projection_alternative: str = ""
    projection_base_year: int | None = None
    projection_is_demo: bool = False

    @property
    def has_observed(self) -> bool:
        return self.kind in (DataKind.OBSERVED, DataKind.BOTH)

    @property
    def has_projection(self) -> bool:
        return self.kind in (DataKind.PROJECTION, DataKind.BOTH)

    @property
    def has_challenges(self) -> bool:
        """Challenges are derived from a projection; without one there are none to show, not zero."""
        return self.has_projection

    @property
    def is_demo(self) -> bool:
        return (self.has_observed and self.observed_is_demo) or (self.has_projection and self.projection_is_demo)

    @property
    def observed_span(self) -> str:
        return year_span(self.observed_first_year, self.observed_last_year)

    @property
    def ssb_span(self) -> str:
        """The observed years that are SSB's own: all of them unless the dataset is demo data."""
        if not self.observed_is_demo:
            return self.observed_span
        return year_span(min(self.ssb_years), max(self.ssb_years)) if self.ssb_years else ""

    @property
    def generated_span(self) -> str:
        """The observed years a demo dataset generated (before the SSB years)."""
        if not (self.observed_is_demo and self.has_observed):
            return ""
        first, last = self.observed_first_year, self.observed_last_year
        generated = [year for year in range(first, last + 1) if year not in self.ssb_years]
        return year_span(generated[0], generated[-1]) if generated else ""

    @property
    def note(self) -> str:
        """One line for a kommune box: what is loaded, and what the challenges (do not) rest on."""
        return data_note(self)

    @property
    def missing(self) -> list[dict[str, str]]:
        """What is not loaded, and the commands an operator loads it with."""
        parts = []
        if not self.has_observed:
            parts.append(
                {
                    "part": "observed",
                    "message": _("Registrert befolkning (SSB-tabell 07459) er ikke lastet inn."),
                    "load_with": f"{FETCH_OBSERVED} | {IMPORT_FILE}",
                }
            )
        if not self.has_projection:
            parts.append(
                {
                    "part": "projection",
                    "message": _("Ingen befolkningsframskriving (SSB-tabell 14288 eller 14746) er lastet inn."),
                    "load_with": f"{FETCH_PROJECTION} | {IMPORT_FILE}",
                }
            )
        return parts


NO_DATA = DataState(DataKind.NONE)


def state_from(
    observed: PopulationDataset | None,
    observed_years: tuple[int, int] | None,
    projection: PopulationDataset | None,
    projection_start: int | None,
) -> DataState:
    """The state of a kommune with observed figures over `observed_years` (first, last) and a projection from `projection_start`."""
    has_observed = observed is not None and observed_years is not None
    has_projection = projection is not None and projection_start is not None
    kind = {
        (True, True): DataKind.BOTH,
        (True, False): DataKind.OBSERVED,
        (False, True): DataKind.PROJECTION,
        (False, False): DataKind.NONE,
    }[(has_observed, has_projection)]
    if kind is DataKind.NONE:
        return NO_DATA
    return DataState(
        kind=kind,
        base_year=observed_years[1] if has_observed else projection_start,
        observed_first_year=observed_years[0] if has_observed else None,
        observed_last_year=observed_years[1] if has_observed else None,
        ssb_years=tuple(sorted(observed.ssb_years)) if has_observed else (),
        observed_is_demo=has_observed and observed.is_demo,
        projection_table=projection.table if has_projection else "",
        projection_alternative=projection.alternative if has_projection else "",
        projection_base_year=(projection.base_year or projection_start) if has_projection else None,
        projection_is_demo=has_projection and projection.is_demo,
    )


def state_of(summary: DemographicSummary | None, datasets: dict[int, PopulationDataset]) -> DataState:
    """The state a summary row describes; `datasets` maps dataset ids to the datasets in use."""
    if summary is None:
        return NO_DATA
    observed_years = None
    if summary.observed_last_year is not None:
        observed_years = (summary.observed_first_year or summary.observed_last_year, summary.observed_last_year)
    return state_from(
        datasets.get(summary.observed_dataset_id) if summary.observed_dataset_id else None,
        observed_years,
        datasets.get(summary.dataset_id) if summary.dataset_id else None,
        summary.base_year,
    )


def _observed_phrase(state: DataState) -> str:
    if state.observed_is_demo and state.generated_span:
        if state.ssb_span:
            return _("Befolkningstallene for %(ssb)s er SSBs, tallene for %(generated)s er genererte demodata") % {
                "ssb": state.ssb_span,
                "generated": state.generated_span,
            }
        return _("Befolkningstallene for %(generated)s er genererte demodata") % {"generated": state.generated_span}
    return _("Befolkningstall fra SSB for %(years)s er lastet inn") % {"years": state.ssb_span}


def data_note(state: DataState) -> str:
    """The honest one-line note for a kommune: see DataState.note."""
    if state.kind is DataKind.NONE:
        return _(
            "Det er ikke lastet inn befolkningstall fra SSB for kommunen – derfor vises ingen demografiske utfordringer."
        )
    if state.kind is DataKind.OBSERVED:
        return _("%(observed)s, men ingen framskriving – derfor vises ingen demografiske utfordringer.") % {
            "observed": _observed_phrase(state)
        }
    if state.projection_is_demo:
        projection = _(
            "utfordringene bygger på en framskriving plattformen har generert (etter SSBs alternativ %(alternative)s), ikke på SSBs egen framskriving."
        ) % {"alternative": state.projection_alternative}
    else:
        projection = _("utfordringene bygger på SSBs framskriving i tabell %(table)s (alternativ %(alternative)s).") % {
            "table": state.projection_table,
            "alternative": state.projection_alternative,
        }
    if state.kind is DataKind.PROJECTION:
        return _("Registrerte befolkningstall er ikke lastet inn; %(projection)s") % {"projection": projection}
    return _("%(observed)s; %(projection)s") % {"observed": _observed_phrase(state), "projection": projection}
