"""Scale data: a whole country's worth of content for measuring the platform, seeded and reproducible.

`load_scale_data` builds a `ScalePlan` from its options and runs every app's loader registered
with the ``register_scale_loader`` hook, in the hooks' order (users and organisations before what
they write). Loaders insert in bulk and draw from `plan.random`, so the same options give the
same data. Kommuner are drawn by population: a few large kommuner get many cases and posts,
most get few, as on the real platform. Texts are drawn short or long.
"""

import time
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from random import Random

from django.db import connection

from wagtail import hooks

SENTENCES = (
    "Kommunen prøvde ut en ny arbeidsform sammen med innbyggerne og de ansatte.",
    "Flere eldre og færre i arbeidsfør alder gjorde det nødvendig å tenke nytt.",
    "Tjenesten ble utviklet i tett samarbeid med frivillige organisasjoner og pårørende.",
    "En forskningspartner fulgte piloten og målte effekten på brukernes hverdag.",
    "Erfaringene viser at forankring i ledelsen er avgjørende for å lykkes.",
    "Løsningen er nå tatt i bruk i flere enheter og deles med nabokommunene.",
    "Digitalt tilsyn om natten ga færre unødvendige besøk og bedre søvn.",
    "Ungdom deltok i innsiktsarbeidet og foreslo tiltakene som ble prøvd ut.",
    "Prosjektet ble finansiert med skjønnsmidler fra statsforvalteren.",
    "Gevinstene ble realisert gjennom endret oppgavedeling mellom yrkesgruppene.",
)


@dataclass
class ScalePlan:
    """How much to make, and the one source of chance every loader draws from."""

    cases: int
    posts: int
    organisations: int
    users: int
    enrollments: int
    grants: int
    seed: int = 2026
    random: Random = field(init=False)

    def __post_init__(self) -> None:
        self.random = Random(self.seed)  # noqa: S311 (reproducible test data, not secrets)

    @cached_property
    def kommuner(self) -> list:
        from innoplatform.municipalities.models import Kommune

        return list(Kommune.objects.select_related("fylke").order_by("number"))

    @cached_property
    def _weights(self) -> list[int]:
        """Cumulative population (SSB, 1 January 2024, as shipped): a few large kommuner, many small."""
        from innoplatform.municipalities.public import population_2024

        populations = population_2024()
        return list(accumulate(max(populations.get(kommune.number, 0), 200) for kommune in self.kommuner))

    def draw_kommuner(self, count: int) -> list:
        """`count` kommuner drawn by weight (with repeats): the large ones often, the small ones seldom."""
        total = self._weights[-1]
        return [self.kommuner[bisect(self._weights, self.random.random() * total)] for _ in range(count)]

    def text(self, *, long: bool | None = None) -> str:
        """One to two sentences, or (one time in five, or when `long`) a text of several paragraphs."""
        if long is None:
            long = self.random.random() < 0.2
        if not long:
            return " ".join(self.random.sample(SENTENCES, self.random.randint(1, 2)))
        return "\n\n".join(" ".join(self.random.sample(SENTENCES, 5)) for _ in range(self.random.randint(3, 8)))


ScaleLoader = Callable[[ScalePlan], str]


def scale_loaders() -> Sequence[ScaleLoader]:
    return hooks.get_hooks("register_scale_loader")


def load_scale_data(plan: ScalePlan, report: Callable[[str], None]) -> None:
    """Run every loader in order; each returns what it made, reported with the time it took."""
    from .site_setup import setup_site

    setup_site()
    for loader in scale_loaders():
        started = time.perf_counter()
        made = loader(plan)
        report(f"{made} ({time.perf_counter() - started:.1f} s)")
    started = time.perf_counter()
    update_planner_statistics()
    report(f"Statistikk for spørreplanleggeren oppdatert ({time.perf_counter() - started:.1f} s)")


def update_planner_statistics() -> None:
    """ANALYZE after the bulk load: without row counts PostgreSQL plans the facet queries as if the tables
    were empty (a case index took 22 s instead of 0.3 s before autovacuum got round to them)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
