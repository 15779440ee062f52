"""How a case links to the rest of the platform: kommune profiles, related cases, course modules.

Demography comes only through `innoplatform.municipalities.public`; courses are
reached through the ``register_phase_course_link`` hook, so cases never imports them.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value

from wagtail import hooks

from innoplatform.core.vocabularies import Challenge
from innoplatform.municipalities import public
from innoplatform.municipalities.models import Kommune

from .models import CaseCode, CasePage, CaseReuse, Dimension

PHASE_COURSE_HOOK = "register_phase_course_link"
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
    """Published cases sharing the most challenges and service areas with `page`."""
    dimensions = (Dimension.CHALLENGE, Dimension.SERVICE_AREA)
    mine = [(row.dimension, row.code) for row in page.codes.all() if row.dimension in dimensions]
    if not mine:
        return []
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
    ids = [row["page_id"] for row in ranked]
    found = CasePage.objects.filter(pk__in=ids).for_listing().in_bulk()
    return [found[pk] for pk in ids if pk in found]


def cases_from_similar_kommuner(page: CasePage, exclude: set[int], limit: int = 4) -> list[SimilarCase]:
    """Cases from kommuner whose demographic path resembles that of the case's kommuner."""
    similar: dict[int, public.SimilarKommune] = {}
    for entries in public.similar_for(list(page.kommuner.all())[:MAX_PROFILED_KOMMUNER], limit=5).values():
        for entry in entries:
            similar.setdefault(entry.kommune.pk, entry)
    if not similar:
        return []
    through = CasePage.kommuner.through
    rows = (
        through.objects.filter(kommune_id__in=list(similar), casepage_id__in=CasePage.objects.published().values("pk"))
        .exclude(casepage_id__in={page.pk, *exclude})
        .order_by("-casepage__start_year", "casepage_id")
        .values_list("casepage_id", "kommune_id")
    )
    picked: dict[int, int] = {}
    for case_id, kommune_id in rows:
        picked.setdefault(case_id, kommune_id)
        if len(picked) == limit:
            break
    found = CasePage.objects.filter(pk__in=picked).for_listing().in_bulk()
    return [
        SimilarCase(found[case_id], similar[kommune_id].kommune, similar[kommune_id].reason)
        for case_id, kommune_id in picked.items()
        if case_id in found
    ]


def phase_course_link(phase: str) -> tuple[str, str] | None:
    """(title, url) of the course module teaching `phase`, from the first hook that knows one."""
    for fn in hooks.get_hooks(PHASE_COURSE_HOOK):
        if link := fn(phase):
            return link
    return None


def cases_for_kommune(kommune: Kommune, limit: int = 6) -> dict[str, object]:
    """The kommune page's view of the library: its own cases, adopted ones, and ones for its challenges.

    One query for the cases; `data_state` says whether the kommune has a projection to derive challenges from.
    """
    state = public.data_states_for([kommune])[kommune.pk]
    challenges = public.kommune_challenges(kommune) if state.has_challenges else []
    own = Exists(CasePage.kommuner.through.objects.filter(casepage_id=OuterRef("pk"), kommune=kommune))
    adopted = Exists(CaseReuse.objects.filter(page_id=OuterRef("pk"), kommune=kommune))
    addresses = (
        Exists(CaseCode.objects.filter(page_id=OuterRef("pk"), dimension=Dimension.CHALLENGE, code__in=challenges))
        if challenges
        else Value(False)
    )
    rows = (
        CasePage.objects.published()
        .for_listing()
        .annotate(is_own=own, is_adopted=adopted, addresses=addresses)
        .filter(Q(is_own=True) | Q(is_adopted=True) | Q(addresses=True))
        .order_by("-is_adopted", "-is_own", "-start_year", "title")[: 3 * limit]
    )
    groups: dict[str, list] = {"own": [], "adopted": [], "addressing": []}
    for case in rows:
        if case.is_adopted:
            groups["adopted"].append(case)
        if case.is_own:
            groups["own"].append(case)
        elif case.addresses:
            groups["addressing"].append(case)
    return {key: cases[:limit] for key, cases in groups.items()} | {"challenges": challenges, "data_state": state}


def reusing_kommuner(page: CasePage) -> QuerySet[Kommune]:
    return Kommune.objects.filter(case_reuses__page=page).select_related("fylke").order_by("name")
