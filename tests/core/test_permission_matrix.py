"""Every URL of the site, asked by every kind of person: the expected answer for each, from the URL conf.

The matrix has one row per named URL (a URL served by Wagtail's page tree has a row per page type),
and a test fails when the URL conf holds a URL without a row, so a new view cannot ship without its
permissions written down. Each row is requested as anonymous, a participant, a member of organisation
A, a member of B, A's admin, a moderator, an editor and a superuser. A POST is answered inside a
transaction that is rolled back, so every request meets the same world.

The Wagtail admin (254 URLs, Wagtail's own) is checked by rule: none of its URLs may answer anyone
without admin access with anything but a refusal; for staff, a sample of its pages must open.

Codes: a number is the status; LOGIN is a redirect to the sign-in page; REFUSED a redirect with a
warning or error message (the action was refused, and the visitor told why); GONE any other redirect
(a POST that did its work, or a page that sends the visitor on).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest

from django.contrib import messages
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.courses.conftest import right_answers

from .permission_world import ROLES, World, build_world

LOGIN = "login"
GONE = "redirect"
REFUSED = "refused"


@dataclass(frozen=True)
class Row:
    path: Callable[[World], str]
    method: str = "get"
    data: Callable[[World], dict] | None = None


def at(name: str, **kwargs: Callable[[World], object]) -> Callable[[World], str]:
    return lambda w: reverse(name, kwargs={key: value(w) for key, value in kwargs.items()})


def everyone(code) -> tuple:
    return (code,) * len(ROLES)


def signed_in(code) -> tuple:
    return (LOGIN, *(code,) * (len(ROLES) - 1))


post_slug = {"slug": lambda w: w.post.slug}
interest_id = {"interest_id": lambda w: w.interest.pk}
course_id = {"course_id": lambda w: w.course.pk}
lesson_id = {"lesson_id": lambda w: w.lesson.pk}
org_a = {"slug": lambda w: w.org_a.slug}
call_slug = {"slug": lambda w: w.call.slug}
application = {"pk": lambda w: w.application.pk}
interim = {"pk": lambda w: w.application.pk, "kind": lambda w: "delrapport"}
kommune = {"number": lambda w: w.kommune.number}


def row(path, method="get", data=None) -> Row:
    return Row(path, method, data)


MATRIX: dict[str, Row] = {
    # Site, language, documents
    "favicon.ico": row(lambda w: "/favicon.ico"),
    "set_language": row(lambda w: reverse("set_language"), method="post", data=lambda w: {"language": "nn"}),
    "wagtaildocs_serve": row(lambda w: w.document.url),
    "wagtaildocs_authenticate_with_password": row(
        lambda w: reverse("wagtaildocs_authenticate_with_password", args=[w.restriction.pk])
    ),
    "wagtailcore_authenticate_with_password": row(
        lambda w: reverse("wagtailcore_authenticate_with_password", args=[w.restriction.pk, w.restriction.page_id])
    ),
    "wagtailcore_login": row(lambda w: reverse("wagtailcore_login")),
    "page_sign_in": row(lambda w: reverse("page_sign_in") + "?next=/lukket/"),
    "wagtail_serve|home": row(lambda w: "/"),
    "wagtail_serve|case_index": row(lambda w: w.case.get_parent().url),
    "wagtail_serve|case": row(lambda w: w.case.url),
    "wagtail_serve|course_index": row(lambda w: w.course.get_parent().url),
    "wagtail_serve|course": row(lambda w: w.course.url),
    "wagtail_serve|lesson": row(lambda w: w.lesson.url),
    "wagtail_serve|password_protected": row(lambda w: w.restriction.page.url),
    "wagtail_serve|members_only": row(lambda w: w.members_only.url),
    "wagtail_serve|missing": row(lambda w: "/finnes-ikke/"),
    # Accounts (own and allauth's)
    "accounts:profile": row(at("accounts:profile")),
    "accounts:profile_edit": row(at("accounts:profile_edit")),
    "accounts:export": row(at("accounts:export")),
    "accounts:delete": row(at("accounts:delete")),
    "account_login": row(at("account_login")),
    "account_logout": row(at("account_logout")),
    "account_inactive": row(at("account_inactive")),
    "account_signup": row(at("account_signup")),
    "account_reauthenticate": row(at("account_reauthenticate")),
    "account_request_reauthentication_code": row(at("account_request_reauthentication_code")),
    "account_confirm_reauthentication_code": row(at("account_confirm_reauthentication_code")),
    "account_email": row(at("account_email")),
    "account_email_verification_sent": row(at("account_email_verification_sent")),
    "account_change_password": row(at("account_change_password")),
    "account_set_password": row(at("account_set_password")),
    "account_reset_password": row(at("account_reset_password")),
    "account_confirm_login_code": row(at("account_confirm_login_code")),
    "account_confirm_email": row(lambda w: reverse("account_confirm_email", args=["ugyldig-nokkel"])),
    "account_reset_password_from_key_done": row(at("account_reset_password_from_key_done")),
    "account_reset_password_from_key": row(lambda w: reverse("account_reset_password_from_key", args=["1", "x-y"])),
    "account_reset_password_done": row(at("account_reset_password_done")),
    "mfa_index": row(at("mfa_index")),
    "mfa_authenticate": row(at("mfa_authenticate")),
    "mfa_reauthenticate": row(at("mfa_reauthenticate")),
    "mfa_activate_totp": row(at("mfa_activate_totp")),
    "mfa_deactivate_totp": row(at("mfa_deactivate_totp")),
    "mfa_view_recovery_codes": row(at("mfa_view_recovery_codes")),
    "mfa_generate_recovery_codes": row(at("mfa_generate_recovery_codes")),
    "mfa_download_recovery_codes": row(at("mfa_download_recovery_codes")),
    "socialaccount_login_cancelled": row(at("socialaccount_login_cancelled")),
    "socialaccount_login_error": row(at("socialaccount_login_error")),
    "socialaccount_signup": row(at("socialaccount_signup")),
    "socialaccount_connections": row(at("socialaccount_connections")),
    "konto/social/login/cancelled/": row(lambda w: "/konto/social/login/cancelled/"),
    "konto/social/login/error/": row(lambda w: "/konto/social/login/error/"),
    "konto/social/signup/": row(lambda w: "/konto/social/signup/"),
    "konto/social/connections/": row(lambda w: "/konto/social/connections/"),
    # Kommuner
    "municipalities:list": row(at("municipalities:list")),
    "municipalities:compare": row(lambda w: reverse("municipalities:compare") + "?kommune=3401&kommune=3403"),
    "municipalities:detail": row(lambda w: w.kommune.get_absolute_url()),
    "municipalities:detail_by_number": row(at("municipalities:detail_by_number", **kommune)),
    "municipalities:csv": row(lambda w: reverse("municipalities:csv", args=[w.kommune.number, "aldersgrupper"])),
    "municipalities_api:profile": row(at("municipalities_api:profile", **kommune)),
    # API
    "api-docs": row(at("api-docs")),
    "api-schema": row(at("api-schema")),
    "cases_api:list": row(at("cases_api:list")),
    "cases_api:csv": row(at("cases_api:csv")),
    "cases_api:detail": row(at("cases_api:detail", slug=lambda w: w.case.slug)),
    "courses_api:list": row(at("courses_api:list")),
    "courses_api:detail": row(at("courses_api:detail", slug=lambda w: w.course.slug)),
    "partners_api:list": row(at("partners_api:list")),
    "partners_api:detail": row(at("partners_api:detail", **post_slug)),
    "partners_api:matches": row(at("partners_api:matches", **post_slug)),
    "grants_api:list": row(at("grants_api:list")),
    "grants_api:detail": row(at("grants_api:detail", id=lambda w: w.granted.pk)),
    "search_api:search": row(lambda w: reverse("search_api:search") + "?q=nattilsyn"),
    "search_api:suggest": row(lambda w: reverse("search_api:suggest") + "?q=natt"),
    "organisation-api": row(at("organisation-api", orgnr=lambda w: w.org_a.orgnr)),
    "search:page": row(lambda w: reverse("search:page") + "?q=nattilsyn"),
    # Case library
    "cases:library": row(at("cases:library")),
    "cases:suggest": row(at("cases:suggest")),
    "cases:suggestion_received": row(at("cases:suggestion_received")),
    "cases:reuse": row(
        at("cases:reuse", page_id=lambda w: w.case.pk),
        method="post",
        data=lambda w: {"kommune": w.kommune.pk, "action": "marker"},
    ),
    # Courses
    "courses:mine": row(at("courses:mine")),
    "courses:certificate": row(at("courses:certificate", code=lambda w: w.certificate_code)),
    "courses:certificate_pdf": row(at("courses:certificate_pdf", code=lambda w: w.certificate_code)),
    "courses:join_cohort": row(at("courses:join_cohort")),
    "courses:cohort": row(at("courses:cohort", cohort_id=lambda w: w.cohort.pk)),
    "courses:cohort_message": row(
        at("courses:cohort_message", cohort_id=lambda w: w.cohort.pk), method="post", data=lambda w: {}
    ),
    "courses:complete": row(
        at("courses:complete", lesson_id=lambda w: w.first_lesson.pk), method="post", data=lambda w: {}
    ),
    "courses:quiz": row(
        at("courses:quiz", **lesson_id, quiz_id=lambda w: w.quiz_id),
        method="post",
        data=lambda w: right_answers(w.lesson),
    ),
    "courses:reflection": row(
        at("courses:reflection", **lesson_id, block_id=lambda w: w.reflection_id),
        method="post",
        data=lambda w: {"answer": "Vi vil prøve ut digitalt tilsyn."},
    ),
    "courses:enrol": row(at("courses:enrol", **course_id), method="post", data=lambda w: {}),
    "courses:withdraw": row(at("courses:withdraw", **course_id), method="post", data=lambda w: {}),
    "courses:project": row(at("courses:project", **course_id)),
    "courses:project_download": row(at("courses:project_download", **course_id)),
    "courses:project_share": row(at("courses:project_share", **course_id), method="post", data=lambda w: {}),
    # Partners
    "partners:list": row(at("partners:list")),
    "partners:create": row(at("partners:create")),
    "partners:mine": row(at("partners:mine")),
    "partners:detail": row(at("partners:detail", **post_slug)),
    "partners:edit": row(at("partners:edit", **post_slug)),
    "partners:close": row(at("partners:close", **post_slug), method="post", data=lambda w: {}),
    "partners:renew": row(
        at("partners:renew", **post_slug),
        method="post",
        data=lambda w: {"fornye-expires_on": (timezone.localdate() + timedelta(days=120)).isoformat()},
    ),
    "partners:report": row(at("partners:report", **post_slug)),
    "partners:interest_dashboard": row(at("partners:interest_dashboard")),
    "partners:interest_new": row(at("partners:interest_new", **post_slug)),
    "partners:interest_thread": row(at("partners:interest_thread", **interest_id)),
    "partners:interest_reply": row(at("partners:interest_reply", **interest_id), method="post", data=lambda w: {}),
    "partners:interest_block": row(at("partners:interest_block", **interest_id), method="post", data=lambda w: {}),
    "partners:interest_unblock": row(at("partners:interest_unblock", **interest_id), method="post", data=lambda w: {}),
    "partners:digest_preference": row(
        at("partners:digest_preference"), method="post", data=lambda w: {"weekly_digest": "on"}
    ),
    "partners:digest_unsubscribe": row(at("partners:digest_unsubscribe", token=lambda w: w.digest_token)),
    # Funding
    "funding:grants": row(at("funding:grants")),
    "funding:grants_csv": row(at("funding:grants_csv")),
    "funding:grant": row(at("funding:grant", pk=lambda w: w.granted.pk)),
    "funding:calls": row(at("funding:calls")),
    "funding:call_create": row(at("funding:call_create")),
    "funding:call": row(at("funding:call", **call_slug)),
    "funding:call_edit": row(at("funding:call_edit", **call_slug)),
    "funding:start_application": row(
        at("funding:start_application", **call_slug), method="post", data=lambda w: {"kommune": w.kommune.pk}
    ),
    "funding:call_ranking": row(at("funding:call_ranking", **call_slug)),
    "funding:my_applications": row(at("funding:my_applications")),
    "funding:application": row(at("funding:application", **application)),
    "funding:application_edit": row(at("funding:application_edit", **application)),
    "funding:application_withdraw": row(
        at("funding:application_withdraw", **application), method="post", data=lambda w: {}
    ),
    "funding:assess": row(at("funding:assess", **application)),
    "funding:decide": row(at("funding:decide", **application), method="post", data=lambda w: {}),
    "funding:report": row(at("funding:report", **interim)),
    "funding:report_review": row(at("funding:report_review", **interim), method="post", data=lambda w: {}),
    "funding:publish": row(at("funding:publish", **application), method="post", data=lambda w: {}),
    # Organisations
    "organisations:list": row(at("organisations:list")),
    "organisations:register": row(at("organisations:register")),
    "organisations:detail": row(at("organisations:detail", **org_a)),
    "organisations:edit": row(at("organisations:edit", **org_a)),
    "organisations:join": row(at("organisations:join", **org_a), method="post", data=lambda w: {}),
    "organisations:leave": row(at("organisations:leave", **org_a), method="post", data=lambda w: {}),
    "organisations:verify": row(at("organisations:verify", **org_a), method="post", data=lambda w: {}),
    "organisations:members": row(at("organisations:members", **org_a)),
    "organisations:member_action": row(
        at("organisations:member_action", **org_a, membership_id=lambda w: w.membership_a.pk),
        method="post",
        data=lambda w: {"action": "gjor-til-administrator"},
    ),
}


# What each role gets. L: sent to sign in; R: refused with a message; G: redirected on; a number: the status.
EXPECTED = """
# name                                    ano par m_a m_b adm mod edi sup
favicon.ico                             301 301 301 301 301 301 301 301
set_language                              G   G   G   G   G   G   G   G
wagtaildocs_serve                       200 200 200 200 200 200 200 200
wagtaildocs_authenticate_with_password  404 404 404 404 404 404 404 404
wagtailcore_authenticate_with_password  200 200 200 200 200 200 200 200
wagtailcore_login                           L   L   L   L   L   L   L   L
page_sign_in                                L   L   L   L   L   L   L   L
wagtail_serve|home                      200 200 200 200 200 200 200 200
wagtail_serve|case_index                200 200 200 200 200 200 200 200
wagtail_serve|case                      200 200 200 200 200 200 200 200
wagtail_serve|course_index              200 200 200 200 200 200 200 200
wagtail_serve|course                    200 200 200 200 200 200 200 200
wagtail_serve|lesson                    200 200 200 200 200 200 200 200
wagtail_serve|password_protected        200 200 200 200 200 200 200 200
wagtail_serve|members_only                  L 200 200 200 200 200 200 200
wagtail_serve|missing                   404 404 404 404 404 404 404 404
accounts:profile                          L 200 200 200 200 200 200 200
accounts:profile_edit                     L 200 200 200 200 200 200 200
accounts:export                           L 200 200 200 200 200 200 200
accounts:delete                           L 200 200 200 200 200 200 200
account_login                           200   G   G   G   G   G   G   G
account_logout                            G 200 200 200 200 200 200 200
account_inactive                        200 200 200 200 200 200 200 200
account_signup                          200   G   G   G   G   G   G   G
account_reauthenticate                    L 200 200 200 200 200 200 200
account_request_reauthentication_code     L 200 200 200 200 200 200 200
account_confirm_reauthentication_code     L   G   G   G   G   G   G   G
account_email                             L 200 200 200 200 200 200 200
account_email_verification_sent         200 200 200 200 200 200 200 200
account_change_password                   L 200 200 200 200 200 200 200
account_set_password                      L   G   G   G   G   G   G   G
account_reset_password                  200 200 200 200 200 200 200 200
account_confirm_login_code                L   G   G   G   G   G   G   G
account_confirm_email                   200 200 200 200 200 200 200 200
account_reset_password_from_key_done    200 200 200 200 200 200 200 200
account_reset_password_from_key         200 200 200 200 200 200 200 200
account_reset_password_done             200 200 200 200 200 200 200 200
mfa_index                                 L 200 200 200 200 200 200 200
mfa_authenticate                          L   G   G   G   G   G   G   G
mfa_reauthenticate                        L   G   G   G   G   G   G   G
mfa_activate_totp                         L   G   G   G   G   G   G   G
mfa_deactivate_totp                       L 404 404 404 404 404 404 404
mfa_view_recovery_codes                   L 404 404 404 404 404 404 404
mfa_generate_recovery_codes               L   G   G   G   G   G   G   G
mfa_download_recovery_codes               L 404 404 404 404 404 404 404
socialaccount_login_cancelled           200 200 200 200 200 200 200 200
socialaccount_login_error               401 401 401 401 401 401 401 401
socialaccount_signup                      L   L   L   L   L   L   L   L
socialaccount_connections                 L 200 200 200 200 200 200 200
konto/social/login/cancelled/           301 301 301 301 301 301 301 301
konto/social/login/error/               301 301 301 301 301 301 301 301
konto/social/signup/                    301 301 301 301 301 301 301 301
konto/social/connections/               301 301 301 301 301 301 301 301
municipalities:list                     200 200 200 200 200 200 200 200
municipalities:compare                  200 200 200 200 200 200 200 200
municipalities:detail                   200 200 200 200 200 200 200 200
municipalities:detail_by_number         301 301 301 301 301 301 301 301
municipalities:csv                      404 404 404 404 404 404 404 404
municipalities_api:profile              200 200 200 200 200 200 200 200
api-docs                                200 200 200 200 200 200 200 200
api-schema                              200 200 200 200 200 200 200 200
cases_api:list                          200 200 200 200 200 200 200 200
cases_api:csv                           200 200 200 200 200 200 200 200
cases_api:detail                        200 200 200 200 200 200 200 200
courses_api:list                        200 200 200 200 200 200 200 200
courses_api:detail                      200 200 200 200 200 200 200 200
partners_api:list                       200 200 200 200 200 200 200 200
partners_api:detail                     200 200 200 200 200 200 200 200
partners_api:matches                    200 200 200 200 200 200 200 200
grants_api:list                         200 200 200 200 200 200 200 200
grants_api:detail                       200 200 200 200 200 200 200 200
search_api:search                       200 200 200 200 200 200 200 200
search_api:suggest                      200 200 200 200 200 200 200 200
organisation-api                        200 200 200 200 200 200 200 200
search:page                             200 200 200 200 200 200 200 200
cases:library                             G   G   G   G   G   G   G   G
cases:suggest                             L 200 200 200 200 200 200 200
cases:suggestion_received                 L 404 404 404 404 404 404 404
cases:reuse                               L   R   G   R   G   R   R   R
courses:mine                              L 200 200 200 200 200 200 200
courses:certificate                     200 200 200 200 200 200 200 200
courses:certificate_pdf                 200 200 200 200 200 200 200 200
courses:join_cohort                       L 200 200 200 200 200 200 200
courses:cohort                            L 404 404 404 404 404 200 200
courses:cohort_message                    L 404 404 404 404 404 200 200
courses:complete                          L   G   R   R   R   R   R   R
courses:quiz                              L   G   R   R   R   R   R   R
courses:reflection                        L   G   R   R   R   R   R   R
courses:enrol                             L   G   G   G   G   G   G   G
courses:withdraw                          L   G   G   G   G   G   G   G
courses:project                           L 200 404 404 404 404 404 404
courses:project_download                  L 200 404 404 404 404 404 404
courses:project_share                     L   R 404 404 404 404 404 404
partners:list                           200 200 200 200 200 200 200 200
partners:create                           L 200 200 200 200 200 200 200
partners:mine                             L 200 200 200 200 200 200 200
partners:detail                         200 200 200 200 200 200 200 200
partners:edit                             L 404 200 404 200 404 404 404
partners:close                            L 404   G 404   G 404 404 404
partners:renew                            L 404   G 404   G 404 404 404
partners:report                           L 200 200 200 200 200 200 200
partners:interest_dashboard               L 200 200 200 200 200 200 200
partners:interest_new                     L 200 200 200 200 200 200 200
partners:interest_thread                  L 404 200 200 200 404 404 404
partners:interest_reply                   L 404 200 200 200 404 404 404
partners:interest_block                   L 404 404 404 200 404 404 404
partners:interest_unblock                 L 404 404 404   G 404 404 404
partners:digest_preference                L   G   G   G   G   G   G   G
partners:digest_unsubscribe             200 200 200 200 200 200 200 200
funding:grants                          200 200 200 200 200 200 200 200
funding:grants_csv                      200 200 200 200 200 200 200 200
funding:grant                           200 200 200 200 200 200 200 200
funding:calls                           200 200 200 200 200 200 200 200
funding:call_create                       L 403 403 403 403 200 200 200
funding:call                            200 200 200 200 200 200 200 200
funding:call_edit                         L 403 403 403 403 200 200 200
funding:start_application                 L 403   G 403   G 403 403 403
funding:call_ranking                      L 403 403 403 403 200 200 200
funding:my_applications                   L 200 200 200 200 200 200 200
funding:application                     404 404 200 404 200 200 200 200
funding:application_edit                  L 404 200 404 200 403 403 403
funding:application_withdraw              L 404   G 404   G 403 403 403
funding:assess                            L 404 403 404 403 200 200 200
funding:decide                            L 404 403 404 403 400 400 400
funding:report                            L 404 200 404 200 403 403 403
funding:report_review                     L 404 403 404 403 404 404 404
funding:publish                           L 404   R 404   R   R   R   R
organisations:list                      200 200 200 200 200 200 200 200
organisations:register                    L 200 200 200 200 200 200 200
organisations:detail                    200 200 200 200 200 200 200 200
organisations:edit                        L 403 403 403 200 200 403 200
organisations:join                        L   G   G   G   G   G   G   G
organisations:leave                       L 404   G 404   R 404 404 404
organisations:verify                      L 403 403 403 403   G 403   G
organisations:members                     L 403 403 403 200 200 403 200
organisations:member_action               L 403 403 403   G   G 403   G
"""
CODES = {"L": LOGIN, "R": REFUSED, "G": GONE}


def expected_answers() -> dict[str, tuple]:
    table = {}
    for line in EXPECTED.strip().splitlines()[1:]:
        name, *codes = line.split()
        table[name] = tuple(CODES.get(code) or int(code) for code in codes)
    return table


def url_names() -> set[str]:
    """Every URL of the site outside the Wagtail admin, by name (or by route where it has none)."""

    def walk(resolver: URLResolver, prefix: str, namespace: str):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part)
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if not route.startswith("admin/"):
                    yield ":".join(part for part in (namespace, pattern.name) if part) if pattern.name else route

    return set(walk(get_resolver(), "", ""))


def test_every_url_of_the_site_has_a_row():
    assert set(expected_answers()) == set(MATRIX)
    assert all(len(codes) == len(ROLES) for codes in expected_answers().values())
    rows = {name.split("|")[0] for name in MATRIX}
    assert url_names() - rows == set(), "URLs without a row in the permission matrix"
    assert rows - url_names() == set(), "rows for URLs that no longer exist"


def forget_messages(client: Client) -> None:
    """Drop messages earlier requests left unread, so a refusal is read from this request alone."""
    client.cookies.pop("messages", None)
    if "_messages" in client.session:
        session = client.session
        del session["_messages"]
        session.save()


def answer(client: Client, row: Row, world: World):
    """The request's code in the matrix's terms, its writes rolled back."""

    class RolledBack(Exception):
        pass

    path = row.path(world)
    forget_messages(client)
    try:
        with transaction.atomic():
            if row.method == "post":
                response = client.post(path, row.data(world) if row.data else {})
            else:
                response = client.get(path)
            raise RolledBack
    except RolledBack:
        pass
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("account_login")):
            return LOGIN
        warned = any(message.level >= messages.WARNING for message in messages.get_messages(response.wsgi_request))
        return REFUSED if warned else GONE
    return response.status_code


def client_for(role: str, world: World) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


@pytest.mark.django_db
def test_every_url_answers_every_role_as_written(settings, tmp_path):
    import os

    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path  # documents are served from disk, as in production
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    world = build_world()
    clients = {role: client_for(role, world) for role in ROLES}
    expected = expected_answers()
    wrong, recorded = [], []
    for name, row in MATRIX.items():
        got = []
        for role in ROLES:
            cache.clear()  # rate-limit counters
            got.append(answer(clients[role], row, world))
        recorded.append(f"{name}: {tuple(got)}")
        if tuple(got) != expected[name]:
            wrong.append(f"{name}: expected {expected[name]}, got {tuple(got)}")
    if os.environ.get("PERMISSION_MATRIX_RECORD"):
        print("\n".join(recorded))
    assert wrong == [], "\n".join(wrong)


PUBLIC_ADMIN_URLS = {  # what the admin shows before signing in
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",  # the icons' SVG sprite
}
SIGN_IN_PAGES = ("/konto/login/", "/admin/login/")  # the second only redirects to the first
WITHOUT_ADMIN_ACCESS = ("anonymous", "participant", "member_a", "member_b", "admin_a")


def admin_paths() -> list[tuple[str, str]]:
    """(name, a concrete path) for every admin URL: each parameter filled with 1, each regex made literal."""

    def walk(resolver: URLResolver, prefix: str, namespace: str):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part)
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            else:
                name = ":".join(part for part in (namespace, pattern.name) if part) if pattern.name else ""
                yield name, prefix + str(pattern.pattern)

    paths = []
    for name, route in walk(get_resolver(), "", ""):
        if not route.startswith("admin/") or name in PUBLIC_ADMIN_URLS:
            continue
        route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route).replace("\\.", ".").replace(".*", "x")
        route = re.sub(r"<[^>]+>", "1", route)
        paths.append((name or route, "/" + route.replace("^", "").replace("$", "")))
    return paths


@pytest.mark.django_db
def test_no_admin_url_answers_anyone_without_admin_access():
    world = build_world()
    clients = {role: client_for(role, world) for role in WITHOUT_ADMIN_ACCESS}
    paths = admin_paths()
    assert len(paths) > 200  # the walk reached Wagtail's admin and the platform's own admin views
    opened = []
    for name, path in paths:
        for role, client in clients.items():
            response = client.get(path)
            login = response.status_code == 302 and response["Location"].startswith(SIGN_IN_PAGES)
            if not (login or response.status_code in (403, 404, 405)):
                opened.append(f"{name} {path} as {role}: {response.status_code}")
    assert opened == [], "\n".join(opened)


#                    moderator editor superuser
ADMIN_SAMPLE = {
    "/admin/": (200, 200, 200),
    "/admin/pages/": (200, 200, 200),
    "/admin/images/": (200, 200, 200),
    "/admin/documents/": (200, 200, 200),
    "/admin/partnermoderering/": (200, GONE, 200),
    "/admin/statsforvalterembeter/": (GONE, GONE, 200),
    "/admin/kommune/": (GONE, GONE, 200),
    "/admin/users/": (GONE, GONE, 200),
    "/admin/groups/": (GONE, GONE, 200),
}


@pytest.mark.django_db
def test_staff_open_the_admin_pages_their_role_allows():
    import os

    world = build_world()
    wrong, recorded = [], []
    for path, expected in ADMIN_SAMPLE.items():
        got = []
        for role in ("moderator", "editor", "superuser"):
            response = client_for(role, world).get(path)
            got.append(GONE if response.status_code == 302 else response.status_code)
        recorded.append(f"{path}: {tuple(got)}")
        if tuple(got) != expected:
            wrong.append(f"{path}: expected {expected}, got {tuple(got)}")
    if os.environ.get("PERMISSION_MATRIX_RECORD"):
        print("\n".join(recorded))
    assert wrong == [], "\n".join(wrong)
