"""How a case links to the rest of the platform: kommune profiles, related cases, course modules.

Demography comes only through `innoplatform.municipalities.public`; courses are
reached through the ``register_phase_course_link`` hook, so cases never imports them.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value
from django.utils.translation import get_language

from wagtail import hooks

from innoplatform.core.derived import remember
from innoplatform.core.listing import in_id_order
from innoplatform.core.vocabularies import Challenge
from innoplatform.municipalities import public
from innoplatform.municipalities.models import Kommune

from .facets import CASE_SOURCES
from .models import CaseCode, CasePage, CaseReuse, Dimension

PHASE_COURSE_HOOK = "register_phase_course_link"
COURSE_SOURCES = ("courses", "wagtailcore")
"""Where the course modules the hook links to are kept: the courses app and the page tree."""
MAX_PROFILED_KOMMUNER = 6
"""A case rarely involves more kommuner; the cap keeps the page's query count bounded."""


@dataclass(frozen=True)
class KommuneProfile:
    """An involved kommune as the case page shows it: its derived challenges and which figures it has."""

    kommune: Kommune
    challenges: list[tuple[str, str]]
    data_state: public.DataState


@dataclass(frozen=True)
class SimilarCase:
    case: CasePage
    kommune: Kommune
    reason: str


def _labelled_challenges(codes: list[str]) -> list[tuple[str, str]]:
    return [(code, str(Challenge(code).label)) for code in codes if code in Challenge.values]


def kommune_profiles(page: CasePage) -> list[KommuneProfile]:
    """The involved kommuner with the demographic challenges their profiles derive."""
    kommuner = list(page.kommuner.all())[:MAX_PROFILED_KOMMUNER]
    challenges = public.challenges_for(kommuner)
    states = public.data_states_for(kommuner)
    return [KommuneProfile(k, _labelled_challenges(challenges[k.pk]), states[k.pk]) for k in kommuner]


def related_cases(page: CasePage, limit: int = 4) -> list[CasePage]:
    """Published cases sharing the most challenges and service areas with `page` (derived data per case)."""
    dimensions = (Dimension.CHALLENGE, Dimension.SERVICE_AREA)
    mine = sorted((row.dimension, row.code) for row in page.codes.all() if row.dimension in dimensions)
    if not mine:
        return []

    def ranked_ids() -> list[int]:
        matches = CaseCode.objects.none()
        for dimension in dimensions:
            codes = [code for dim, code in mine if dim == dimension]
            matches = matches | CaseCode.objects.filter(dimension=dimension, code__in=codes)
        ranked = (
            matches.exclude(page_id=page.pk)
            .filter(page_id__in=CasePage.objects.published().values("pk"))
            .values("page_id")
            .annotate(shared=Count("id"))
            .order_by("-shared", "page_id")[:limit]
        )
        return [row["page_id"] for row in ranked]

    ids = remember("related-cases", (page.pk, mine, limit), CASE_SOURCES, ranked_ids) if page.pk else ranked_ids()
    return in_id_order(CasePage.objects.for_listing(), ids)


def cases_from_similar_kommuner(page: CasePage, exclude: set[int], limit: int = 4) -> list[SimilarCase]:
    """Cases from kommuner whose demographic path resembles that of the case's kommuner."""
    similar: dict[int, public.SimilarKommune] = {}
    for entries in public.similar_for(list(page.kommuner.all())[:MAX_PROFILED_KOMMUNER], limit=5).values():
        for entry in entries:
            similar.setdefault(entry.kommune.pk, entry)
    if not similar:
        return []
    skipped = sorted({page.pk, *exclude} - {None})

    def pick() -> dict[int, int]:
        """Case id → the similar kommune it comes from, newest cases first."""
        through = CasePage.kommuner.through
        rows = (
            through.objects.filter(
                kommune_id__in=list(similar), casepage_id__in=CasePage.objects.published().values("pk")
            )
            .exclude(casepage_id__in=skipped)
            .order_by("-casepage__start_year", "casepage_id")
            .values_list("casepage_id", "kommune_id")
        )
        picked: dict[int, int] = {}
        for case_id, kommune_id in rows:
            picked.setdefault(case_id, kommune_id)
            if len(picked) == limit:
                break
        return picked

    picked = remember("similar-kommune-cases", (sorted(similar), skipped, limit), CASE_SOURCES, pick)
    found = CasePage.objects.filter(pk__in=picked).for_listing().in_bulk()
    return [
        SimilarCase(found[case_id], similar[kommune_id].kommune, similar[kommune_id].reason)
        for case_id, kommune_id in picked.items()
        if case_id in found
    ]


class CaseLinks:
    """What the foot of a case page shows: the kommuner involved, related cases and cases from similar kommuner.

    Each part is computed when the template first reads it, so a page whose foot comes from a cached
    fragment reads none of it. `details` is the page's `CaseDetails`, which reads its relations once.
    """

    def __init__(self, details):
        self.details = details

    @cached_property
    def kommune_profiles(self) -> list[KommuneProfile]:
        return kommune_profiles(self.details.loaded)

    @cached_property
    def related_cases(self) -> list[CasePage]:
        return related_cases(self.details.loaded)

    @cached_property
    def similar_cases(self) -> list[SimilarCase]:
        return cases_from_similar_kommuner(self.details.loaded, exclude={case.pk for case in self.related_cases})


def phase_course_link(phase: str) -> tuple[str, str] | None:
    """(title, url) of the course module teaching `phase`, from the first hook that knows one (derived data)."""

    def first_link() -> tuple[str, str] | None:
        for fn in hooks.get_hooks(PHASE_COURSE_HOOK):
            if link := fn(phase):
                return str(link[0]), link[1]
        return None

    return remember("phase-course-link", (phase, get_language()), COURSE_SOURCES, first_link)


def cases_for_kommune(kommune: Kommune, limit: int = 6) -> dict[str, object]:
    """The kommune page's view of the library: its own cases, adopted ones, and ones for its challenges.

    The matching cases are derived data per kommune; `data_state` says whether the kommune has a projection to derive challenges from.
    """
    state = public.data_states_for([kommune])[kommune.pk]
    challenges = public.kommune_challenges(kommune) if state.has_challenges else []

    def marked_rows() -> list[tuple[int, bool, bool, bool]]:
        """(case id, own, adopted, addresses one of the challenges), in the order the page shows them."""
        own = Exists(CasePage.kommuner.through.objects.filter(casepage_id=OuterRef("pk"), kommune=kommune))
        adopted = Exists(CaseReuse.objects.filter(page_id=OuterRef("pk"), kommune=kommune))
        addresses = (
            Exists(CaseCode.objects.filter(page_id=OuterRef("pk"), dimension=Dimension.CHALLENGE, code__in=challenges))
            if challenges
            else Value(False)
        )
        rows = (
            CasePage.objects.published()
            .annotate(is_own=own, is_adopted=adopted, addresses=addresses)
            .filter(Q(is_own=True) | Q(is_adopted=True) | Q(addresses=True))
            .order_by("-is_adopted", "-is_own", "-start_year", "title")
            .values_list("pk", "is_own", "is_adopted", "addresses")[: 3 * limit]
        )
        return list(rows)

    marked = remember("kommune-cases", (kommune.pk, sorted(challenges), limit), CASE_SOURCES, marked_rows)
    found = CasePage.objects.filter(pk__in=[row[0] for row in marked]).for_listing().in_bulk()
    groups: dict[str, list] = {"own": [], "adopted": [], "addressing": []}
    for pk, is_own, is_adopted, addresses in marked:
        if (case := found.get(pk)) is None:
            continue
        if is_adopted:
            groups["adopted"].append(case)
        if is_own:
            groups["own"].append(case)
        elif addresses:
            groups["addressing"].append(case)
    return {key: cases[:limit] for key, cases in groups.items()} | {"challenges": challenges, "data_state": state}


def reusing_kommuner(page: CasePage) -> QuerySet[Kommune]:
    return Kommune.objects.filter(case_reuses__page=page).select_related("fylke").order_by("name")
