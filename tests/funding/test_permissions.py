"""Who gets what from every funding URL: anonymous, an applicant of kommune A, a user of kommune B, a partner's
member, an assessor of the call's office, an assessor of another office, and an editor.

The matrix is checked against the URL conf: a new funding URL without a row here fails the test.
"""

from datetime import timedelta

import pytest

from django.urls import get_resolver, reverse
from django.utils import timezone

from funding.factories import grant
from funding.models import Allocation, Application, Assessment, FundingCall, Report

Status = Application.Status
PEOPLE = ("anonymous", "applicant", "other_kommune_user", "partner_member", "assessor", "other_assessor", "editor")


def close(world):
    FundingCall.objects.filter(pk=world.call.pk).update(
        opens_on=timezone.localdate() - timedelta(days=60), closes_on=timezone.localdate() - timedelta(days=1)
    )


def report(world, status):
    Report.objects.create(
        application=world.application,
        kind=Report.Kind.FINAL,
        status=status,
        activities="Sensorer hos 40 brukere.",
        results="Færre nattbesøk.",
        lessons="Start smått.",
        spent_nok=300_000,
    )


def scenario(world, name: str) -> None:
    """Put the world's application where the row needs it."""
    app = world.application
    if name == "draft":
        return
    close(world)
    if name == "assessment":
        Application.objects.filter(pk=app.pk).update(status=Status.UNDER_ASSESSMENT)
    elif name == "granted":
        grant(app, 400_000)
    elif name == "reported":
        grant(app, 400_000, Status.REPORTED)
        report(world, Report.Status.SUBMITTED)
    elif name == "closed":
        grant(app, 400_000, Status.CLOSED)
        report(world, Report.Status.APPROVED)


def scores(world) -> dict:
    return {**{f"score_{c.pk}": "4" for c in world.call.criteria.all()}, "no_conflict": "on", "comment": ""}


EDIT = {
    "title": "Digitalt nattilsyn",
    "amount_sought_nok": "500000",
    "handling": "lagre",
    "partnere-TOTAL_FORMS": "0",
    "partnere-INITIAL_FORMS": "0",
    "budsjett-TOTAL_FORMS": "0",
    "budsjett-INITIAL_FORMS": "0",
}
REPORT = {"activities": "Vi prøvde.", "results": "", "lessons": "", "handling": "lagre"}

# (url name, method, scenario, data) → status for each of PEOPLE
MATRIX = [
    ("calls", "get", "draft", None, (200, 200, 200, 200, 200, 200, 200)),
    ("call", "get", "draft", None, (200, 200, 200, 200, 200, 200, 200)),
    ("call_create", "get", "draft", None, (302, 403, 403, 403, 200, 200, 200)),
    ("call_edit", "get", "draft", None, (302, 403, 403, 403, 200, 403, 200)),
    ("call_ranking", "get", "assessment", None, (302, 403, 403, 403, 200, 403, 200)),
    ("start_application", "post", "draft", "kommune_a", (302, 302, 403, 403, 403, 403, 403)),
    ("my_applications", "get", "draft", None, (302, 200, 200, 200, 200, 200, 200)),
    ("application", "get", "draft", None, (404, 200, 404, 404, 404, 404, 200)),
    ("application", "get", "assessment", None, (404, 200, 404, 200, 200, 404, 200)),
    ("application_edit", "get", "draft", None, (302, 200, 404, 404, 404, 404, 403)),
    ("application_edit", "post", "draft", EDIT, (302, 302, 404, 404, 404, 404, 403)),
    ("application_edit", "get", "assessment", None, (302, 302, 404, 403, 403, 404, 403)),
    ("application_withdraw", "post", "draft", {}, (302, 302, 404, 404, 404, 404, 403)),
    ("assess", "get", "assessment", None, (302, 403, 404, 403, 200, 404, 200)),
    ("assess", "post", "assessment", "scores", (302, 403, 404, 403, 302, 404, 302)),
    (
        "decide",
        "post",
        "assessment",
        {"decision": "grant", "amount_nok": "400000", "reason": "Bra."},
        (302, 403, 404, 403, 302, 404, 302),
    ),
    ("report", "get", "granted", None, (302, 200, 404, 403, 403, 404, 403)),
    ("report", "post", "granted", REPORT, (302, 302, 404, 403, 403, 404, 403)),
    ("report_review", "post", "reported", {"handling": "godkjenn", "comment": ""}, (302, 403, 404, 403, 302, 404, 302)),
    ("publish", "post", "closed", {}, (302, 302, 404, 403, 403, 404, 302)),
]


def application_now(world) -> Application:
    return Application.objects.get(pk=world.application.pk)


def final_report(world) -> Report | None:
    return Report.objects.filter(application=world.application, kind=Report.Kind.FINAL).first()


# (url name, method) → (what to read afterwards, its value when the person may act, its value when refused)
EFFECTS = {
    ("start_application", "post"): (lambda w: Application.objects.filter(call=w.call).count(), 2, 1),
    ("application_withdraw", "post"): (lambda w: application_now(w).status, Status.WITHDRAWN, Status.DRAFT),
    ("assess", "post"): (lambda w: Assessment.objects.filter(application=w.application).count(), 1, 0),
    ("decide", "post"): (lambda w: Allocation.objects.filter(application=w.application).count(), 1, 0),
    ("report", "post"): (
        lambda w: (final_report(w).activities, final_report(w).status) if final_report(w) else None,
        ("Vi prøvde.", Report.Status.DRAFT),
        None,
    ),
    ("report_review", "post"): (
        lambda w: (final_report(w).status, application_now(w).status),
        (Report.Status.APPROVED, Status.CLOSED),
        (Report.Status.SUBMITTED, Status.REPORTED),
    ),
    ("publish", "post"): (lambda w: application_now(w).case_id is not None, True, False),
}

ARGS = {
    "call": lambda w: [w.call.slug],
    "call_edit": lambda w: [w.call.slug],
    "call_ranking": lambda w: [w.call.slug],
    "start_application": lambda w: [w.call.slug],
    "application": lambda w: [w.application.pk],
    "application_edit": lambda w: [w.application.pk],
    "application_withdraw": lambda w: [w.application.pk],
    "assess": lambda w: [w.application.pk],
    "decide": lambda w: [w.application.pk],
    "report": lambda w: [w.application.pk, "sluttrapport"],
    "report_review": lambda w: [w.application.pk, "sluttrapport"],
    "publish": lambda w: [w.application.pk],
}

CASES = [
    pytest.param(name, method, state, data, person, expected, id=f"{name}-{method}-{state}-{person}")
    for name, method, state, data, statuses in MATRIX
    for person, expected in zip(PEOPLE, statuses, strict=True)
]


@pytest.mark.parametrize(("name", "method", "state", "data", "person", "expected"), CASES)
def test_matrix(client, world, home_page, name, method, state, data, person, expected):
    scenario(world, state)
    if person != "anonymous":
        client.force_login(getattr(world, person))
    if data == "kommune_a":
        data = {"kommune": world.kommune_a.pk}
    elif data == "scores":
        data = scores(world)
    url = reverse(f"funding:{name}", args=ARGS.get(name, lambda w: [])(world))
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == expected
    if expected == 302 and person == "anonymous":
        assert response.url.startswith(reverse("account_login"))
    if (name, method) in EFFECTS:
        read, when_allowed, when_refused = EFFECTS[(name, method)]
        allowed = expected == 302 and person != "anonymous"
        assert read(world) == (when_allowed if allowed else when_refused)


def funding_url_names() -> set[str]:
    resolver = get_resolver()
    namespace = resolver.namespace_dict["funding"][1]
    return {name for name in namespace.reverse_dict if isinstance(name, str)}


def test_every_funding_url_has_a_row():
    from tests.funding.test_public_permissions import PUBLIC_ROWS

    covered = {row[0] for row in MATRIX} | set(PUBLIC_ROWS)
    assert funding_url_names() - covered == set()
