"""Which imported datasets a profile uses: the observed population and the projection.

SSB publishes a new projection every other year (13600 from 2022, 14288 from
2024, 14746 from 2026); the newest base year wins, real figures win over demo
figures, and the main alternative MMMM is the default where it exists.

The list of datasets is read from the database once per request and never
cached across requests: an import in another process (`import_ssb` beside the
web server) is then seen by the very next request, and one request never mixes
two dataset lists. Outside a request (commands, shell) every call reads afresh.
"""

from contextvars import ContextVar
from dataclasses import dataclass, field

from ..models import PopulationDataset

MAIN_ALTERNATIVE = "MMMM"
OBSERVED_TABLE = "07459"

_request_memo: ContextVar[dict | None] = ContextVar("municipalities_request_datasets", default=None)


@dataclass(frozen=True)
class DatasetChoice:
    """The observed dataset, the chosen projection, and the alternatives the user may pick among."""

    observed: PopulationDataset | None
    projection: PopulationDataset | None
    alternatives: list[PopulationDataset] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.observed is None and self.projection is None

    @property
    def is_demo(self) -> bool:
        return any(dataset.is_demo for dataset in (self.observed, self.projection) if dataset)

    @property
    def ids(self) -> list[int]:
        return [dataset.pk for dataset in (self.observed, self.projection) if dataset]


def _rank(dataset: PopulationDataset) -> tuple:
    """Real before demo, newer base year before older, then newer table number."""
    return (not dataset.is_demo, dataset.base_year or 0, dataset.table)


def choose_datasets(datasets: list[PopulationDataset], alternative: str | None = None) -> DatasetChoice:
    """Pick from all datasets (one query's worth) the observed one and the projection to show."""
    observed = [d for d in datasets if d.kind == PopulationDataset.Kind.OBSERVED]
    projected = [d for d in datasets if d.kind == PopulationDataset.Kind.PROJECTED]
    observed.sort(key=lambda d: (not d.is_demo, d.table == OBSERVED_TABLE, d.imported_at), reverse=True)
    if not projected:
        return DatasetChoice(observed[0] if observed else None, None)
    best = max(projected, key=_rank)
    alternatives = sorted(
        (d for d in projected if (d.table, d.is_demo) == (best.table, best.is_demo)),
        key=lambda d: (d.alternative != MAIN_ALTERNATIVE, d.alternative),
    )
    chosen = next((d for d in alternatives if d.alternative == alternative), alternatives[0])
    return DatasetChoice(observed[0] if observed else None, chosen, alternatives)


def all_datasets() -> list[PopulationDataset]:
    """All datasets (one query, at most once per request): every profile, compare view and call from another app needs them."""
    memo = _request_memo.get()
    if memo is None:
        return list(PopulationDataset.objects.all())
    if "datasets" not in memo:
        memo["datasets"] = list(PopulationDataset.objects.all())
    return memo["datasets"]


def begin_request(**kwargs) -> None:
    """Start a fresh per-request memo; connected to `request_started`."""
    _request_memo.set({})


def end_request(**kwargs) -> None:
    """Stop memoising; connected to `request_finished`."""
    _request_memo.set(None)


def forget_datasets(**kwargs) -> None:
    """Drop this request's memo after a dataset is saved or deleted in this process."""
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()


def current_datasets(alternative: str | None = None) -> DatasetChoice:
    """The datasets in use (at most one query)."""
    return choose_datasets(all_datasets(), alternative)
