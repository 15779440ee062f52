"""Where a profile's figures come from, in words: the source line of the page, the CSV files and the API.

A source names SSB's table and the file (or SSB address) it was read from —
never a path on the server — and says plainly which years are generated demo
data rather than SSB's statistics.
"""

from pathlib import PurePath, PureWindowsPath

from django.utils.translation import gettext as _

from ..models import PopulationDataset
from .datasets import OBSERVED_TABLE
from .states import DataState


def source_names(stored: str) -> list[str]:
    """The file names (or URLs) in a dataset's stored source, without any folder."""
    names = []
    for part in stored.split(", "):
        part = part.strip()
        if not part:
            continue
        if part.startswith(("http://", "https://")):
            names.append(part)
        else:
            names.append(PureWindowsPath(PurePath(part).name).name)
    return names


def dataset_source(dataset: PopulationDataset) -> str:
    """ "SSB-tabell 07459 (Personer2024.csv)"; demo datasets say what they were generated from."""
    files = ", ".join(source_names(dataset.source))
    if dataset.is_demo:
        if dataset.ssb_years:
            years = ", ".join(str(year) for year in sorted(dataset.ssb_years))
            return _("Generert demodata; %(years)s fra SSB-tabell %(table)s (%(files)s)") % {
                "years": years,
                "table": dataset.table,
                "files": files,
            }
        return _("Generert demodata (%(files)s)") % {"files": files}
    if not files:
        return _("SSB-tabell %(table)s") % {"table": dataset.table}
    return _("SSB-tabell %(table)s (%(files)s)") % {"table": dataset.table, "files": files}


def source_text(state: DataState) -> str:
    """The source line under the profile's heading and at the top of every CSV download."""
    parts = []
    if state.has_observed:
        if state.observed_is_demo and state.generated_span:
            if state.ssb_span:
                parts.append(
                    _("Statistisk sentralbyrå (SSB), tabell %(table)s: registrert befolkning %(years)s")
                    % {"table": OBSERVED_TABLE, "years": state.ssb_span}
                )
            parts.append(_("generert demodata: befolkning %(years)s") % {"years": state.generated_span})
        else:
            parts.append(
                _("Statistisk sentralbyrå (SSB), tabell %(table)s: registrert befolkning %(years)s")
                % {"table": OBSERVED_TABLE, "years": state.observed_span}
            )
    if state.has_projection:
        if state.projection_is_demo:
            parts.append(
                _("generert demodata: framskriving etter mønster av SSBs alternativ %(alternative)s")
                % {"alternative": state.projection_alternative}
            )
        else:
            parts.append(
                _(
                    "Statistisk sentralbyrå (SSB), tabell %(table)s: framskriving, alternativ %(alternative)s, basisår %(base)s"
                )
                % {
                    "table": state.projection_table,
                    "alternative": state.projection_alternative,
                    "base": state.projection_base_year,
                }
            )
    return _("Kilde: %(parts)s.") % {"parts": "; ".join(parts)}
