"""What other apps may ask of the case library: published cases by classification, a pre-filled suggestion, a draft.

Courses use both: a lesson's «se det i praksis» lists cases of a phase, service
area or challenge, and a participant's project can become a case suggestion,
which then goes through the editors' moderation like any other.
"""

from django.http import HttpRequest

from .library import ensure_case_index
from .models import CaseCode, CasePage, Dimension
from .submission import submit_case

PREFILL_SESSION_KEY = "cases_suggestion_prefill"
PREFILL_FIELDS = ("title", "summary", "body", "results", "phase", "kommuner")


def cases_matching(*, phase: str = "", service_area: str = "", challenge: str = "", limit: int = 3) -> list[CasePage]:
    """The newest published cases with all the given codes (any of them may be left out); two queries."""
    cases = CasePage.objects.published()
    if phase:
        cases = cases.filter(phase=phase)
    for dimension, code in ((Dimension.SERVICE_AREA, service_area), (Dimension.CHALLENGE, challenge)):
        if code:
            cases = cases.filter(pk__in=CaseCode.objects.filter(dimension=dimension, code=code).values("page_id"))
    return list(cases.for_listing().order_by("-start_year", "title")[: max(1, min(limit, 12))])


def prefill_suggestion(request: HttpRequest, initial: dict) -> None:
    """Start the user's next suggestion from `initial` (title, summary, body, results, phase, kommune numbers)."""
    request.session[PREFILL_SESSION_KEY] = {key: initial[key] for key in PREFILL_FIELDS if initial.get(key)}


def take_prefill(request: HttpRequest) -> dict:
    """The pre-filled values for the suggestion form, once."""
    return request.session.pop(PREFILL_SESSION_KEY, {}) if request.user.is_authenticated else {}


def submit_case_draft(user, data: dict) -> CasePage:
    """A case draft from another app's content, into the editors' moderation like a user's suggestion.

    `data` has the suggestion form's keys (title, summary, body, phase, status, start_year, sectors,
    service_areas, challenges, kommuner, results, contact_*), and may add partners
    ({name, sector, organisation}), funding ({source, programme, amount_nok}) and figures ({value, unit, label}).
    """
    return submit_case(user, data, ensure_case_index())


def published_case(pk: int | None) -> CasePage | None:
    """The case with this id if the public may read it (published, not restricted), else None; one query."""
    if not pk:
        return None
    return CasePage.objects.published().filter(pk=pk).first()
