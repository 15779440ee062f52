"""A minute of mixed load against gunicorn with two workers and production settings, on SQLite and (when
the suite runs on PostgreSQL) on PostgreSQL: readers on the public pages while writers sign up, enrol,
complete lessons, publish partner posts, express interest, apply for funding and decide on applications.

Nothing may answer 5xx, and every write is counted in the database afterwards: each one the server
acknowledged is there exactly once, and nothing is there that was not acknowledged. Two writers press
twice on purpose: every fifth post is sent twice at once with the same form, and two assessors race to
decide on the same applications. All traffic comes from 127.0.0.1, so the writers keep within the
platform's rate limits per address and per user; an answer 429 is counted, not hidden.

`LOAD_SECONDS` (default 60) shortens the load for a developer's run.
"""

import json
import os
import re
import secrets
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import cycle

import pytest

from tests.gunicorn_site import drop_scratch_database, gunicorn_site, scratch_database_url
from tests.load.traffic import Budget, CountingBrowser, Tally
from tests.load.world import MARKER, PASSWORD

LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
MIN_WRITES = 5 if LOAD_SECONDS >= 30 else 1
READERS = 3
SEARCHES = ["/sok/?q=velferdsteknologi", "/sok/?q=innovasjon+i+kommunen", "/sok/?q=nattilsyn"]

# Within ACCOUNT_RATE_LIMITS (innoplatform/settings/base.py): sign-up 20/m and search 120/m per address,
# 30 posts and 10 expressions of interest an hour per user.
SIGNUPS_PER_MINUTE = 18
SEARCHES_PER_MINUTE = 100
POSTS_PER_USER = 30
INTERESTS_PER_USER = 10
DOUBLE_POST_EVERY = 5


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The served site on a database of its own (the test database is not used)."""
    tmp_path = tmp_path_factory.mktemp("load")
    name = f"innoplatform_load_{int(time.time())}"
    url = scratch_database_url(tmp_path, name)
    try:
        with gunicorn_site(tmp_path, url) as served:
            served.log = tmp_path / "gunicorn.log"
            served.tmp_path = tmp_path
            yield served
    finally:
        drop_scratch_database(name)


def shell_json(site, script: str) -> dict:
    lines = [line for line in site.shell(script) if line.startswith(MARKER)]
    assert len(lines) == 1, "the shell script printed no result"
    return json.loads(lines[0].removeprefix(MARKER))


@dataclass
class Load:
    """What every visitor's thread shares: the world built for it, its signed-in browsers and the tally."""

    site: object
    world: dict
    run: str
    tally: Tally = field(default_factory=Tally)
    stop: threading.Event = field(default_factory=threading.Event)
    browsers: dict = field(default_factory=dict)

    def browser(self, kind: str) -> CountingBrowser:
        return CountingBrowser(self.site.base, tally=self.tally, kind=kind)

    def signed_in(self, email: str, kind: str) -> CountingBrowser:
        browser = self.browsers[email]
        browser.kind = kind
        return browser


def sign_in_everyone(load: Load) -> None:
    """One user of each kind signs in through allauth's login form; the others got a session when the
    world was built (production's password hasher makes each sign-in cost the server a good half second)."""
    from django.conf import settings

    for email, key in load.world["sessions"].items():
        load.browsers[email] = load.browser("sign-in")
        load.browsers[email].cookies[settings.SESSION_COOKIE_NAME] = key

    def sign_in(email: str) -> None:
        browser = load.browser("sign-in")
        response = browser.post_form("/konto/login/", {"login": email, "password": PASSWORD})
        assert response.status_code == 302, f"{email} could not sign in ({response.status_code})"
        load.browsers[email] = browser

    with ThreadPoolExecutor(3) as pool:
        list(pool.map(sign_in, load.world["signing_in"]))


def read(load: Load, searches: Budget) -> None:
    """An anonymous visitor going from page to page; searches only while the address has searches left."""
    paths = load.world["readers"]
    browser = load.browser("reader")
    while not load.stop.is_set():
        n = secrets.randbelow(len(paths) + 1)
        if n < len(paths):
            path = paths[n]
        elif searches.take():
            path = SEARCHES[secrets.randbelow(len(SEARCHES))]
        else:
            continue
        browser.cookies.clear()
        status = browser.get(path).status_code
        if status != 200:
            load.tally.refuse("reader", status)


def sign_up(load: Load) -> None:
    """New visitors sign up with an e-mail address of their own, as fast as the per-address limit allows."""
    budget = Budget(SIGNUPS_PER_MINUTE, 61)
    n = 0
    while budget.wait(load.stop):
        email = f"{load.run}-{n}@kommune.example.no"
        n += 1
        response = load.browser("signup").post_form(
            "/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
        )
        if response.status_code == 302:
            load.tally.ack("signup", email)
        else:
            load.tally.refuse("signup", response.status_code)


def enrol(load: Load) -> None:
    """Participants enrol in the short courses from each course page («Meld meg på»), one course at a time."""
    world = load.world
    for course in world["short_courses"]:
        for email in world["enrollers"]:
            if load.stop.is_set():
                return
            browser = load.signed_in(email, "enrol")
            response = browser.submit(course["url"], f"/kurs/{course['id']}/meld-pa/")
            if response is None or response.status_code != 302:
                load.tally.refuse("enrol", getattr(response, "status_code", 0))
                continue
            followed = browser.get(browser.local(response))
            if f'action="/kurs/{course["id"]}/meld-av/"' in followed.text:
                load.tally.ack("enrol", (email, course["id"]))
            else:
                load.tally.refuse("enrol", 302)


def complete_lessons(load: Load) -> None:
    """Enrolled participants mark the long course's lessons done, each from the lesson's own page."""
    world = load.world
    for lesson in world["lessons"]:
        for email in world["learners"]:
            if load.stop.is_set():
                return
            browser = load.signed_in(email, "lesson")
            response = browser.submit(lesson["url"], f"/kurs/leksjon/{lesson['id']}/fullfort/")
            if (
                response is not None
                and response.status_code == 302
                and browser.local(response).endswith("#leksjon-status")
            ):
                load.tally.ack("lesson", (email, lesson["id"]))
            else:
                load.tally.refuse("lesson", getattr(response, "status_code", 0))


def post_data(load: Load, title: str) -> dict:
    return {
        "organisation": str(load.world["organisation"]),
        "kind": "offer",
        "title": title,
        "description": "Vi tilbyr erfaringer fra utprøving av digitalt tilsyn om natta.",
        "service_areas": "helse-og-omsorg",
        "challenges": "aldring",
        "expires_on": (date.today() + timedelta(days=60)).isoformat(),
        "whole_country": "on",
        "handling": "publiser",
    }


def publish_posts(load: Load) -> None:
    """Members publish collaboration posts in turn; every fifth form is sent twice at once, like a double
    click, and must still make one post."""
    left = dict.fromkeys(load.world["posters"], POSTS_PER_USER)
    n = 0
    for email in cycle(load.world["posters"]):
        if load.stop.is_set() or not any(count >= 2 for count in left.values()):
            return
        if left[email] < 2:
            continue
        title = f"{load.run} innlegg {n}"
        double = n % DOUBLE_POST_EVERY == DOUBLE_POST_EVERY - 1
        n += 1
        browser = load.signed_in(email, "post")
        if not double:
            left[email] -= 1
            response = browser.post_form("/partnere/nytt/", post_data(load, title))
            answers = [response]
        else:
            left[email] -= 2
            form = browser.form_fields("/partnere/nytt/")
            payload = {**form, **post_data(load, title)}
            with ThreadPoolExecutor(2) as pool:
                answers = list(pool.map(browser.post, ["/partnere/nytt/"] * 2, [payload] * 2))
        places = {browser.local(answer) for answer in answers if answer.status_code == 302}
        for answer in answers:
            if answer.status_code != 302:
                load.tally.refuse("post", answer.status_code)
        if len(places) > 1:
            load.tally.failures.append(f"one form sent twice made two posts: {sorted(places)}")
        if places:
            load.tally.ack("post", title)


def express_interest(load: Load) -> None:
    """Members of the partner organisations express interest in the kommune's posts, ten each."""
    world = load.world
    posts = world["interest_posts"]
    n = 0
    for turn in range(INTERESTS_PER_USER):
        for number, email in enumerate(world["senders"]):
            if load.stop.is_set():
                return
            slug = posts[(number * 3 + turn) % len(posts)]
            offer = f"{load.run} interesse {n}: vi kan bidra med følgeforskning."
            n += 1
            browser = load.signed_in(email, "interest")
            response = browser.post_form(f"/partnere/interesse/ny/{slug}/", {"offer": offer})
            if response.status_code == 302 and re.fullmatch(r"/partnere/interesse/\d+/", browser.local(response)):
                load.tally.ack("interest", (email, slug, offer))
            else:
                load.tally.refuse("interest", response.status_code)


def application_form(title: str) -> dict:
    return {
        "title": title,
        "summary": "Sensorer i stedet for faste nattbesøk.",
        "problem": "Flere eldre og færre ansatte om natten.",
        "goal": "Halvere unødvendige nattbesøk.",
        "phase": "pilotering",
        "service_areas": "helse-og-omsorg",
        "challenges": "aldring",
        "amount_sought_nok": "500000",
        "contact_name": "Kari Nordmann",
        "contact_email": "kari@kongsvinger.example.no",
        "budsjett-0-year": str(date.today().year + 1),
        "budsjett-0-item": "Sensorer og oppsett",
        "budsjett-0-amount_nok": "700000",
        "budsjett-0-own_share_nok": "200000",
        "handling": "send-inn",
    }


def apply_for_funding(load: Load) -> None:
    """The kommune's member starts an application from the open call, writes it and sends it in."""
    slug = load.world["call"]
    browser = load.signed_in(load.world["applicant"], "application")
    n = 0
    while not load.stop.is_set():
        started = browser.submit(f"/tilskudd/utlysninger/{slug}/", f"/tilskudd/utlysninger/{slug}/sok/")
        edit = browser.local(started) if started is not None else ""
        match = re.fullmatch(r"/tilskudd/soknader/(\d+)/rediger/", edit)
        if started is None or started.status_code != 302 or match is None:
            load.tally.refuse("application", getattr(started, "status_code", 0))
            continue
        pk = int(match.group(1))
        load.tally.ack("application", pk)
        title = f"{load.run} søknad {n}"
        n += 1
        sent = browser.post_form(edit, application_form(title))
        if sent.status_code == 302 and browser.local(sent) == f"/tilskudd/soknader/{pk}/":
            load.tally.ack("submission", (pk, title))
        else:
            load.tally.refuse("submission", sent.status_code)


def decide(load: Load, email: str) -> None:
    """An assessor grants the applications under assessment in order; the second assessor goes through the
    same list at the same time, so the two often decide on one application at once and one must lose."""
    browser = load.signed_in(email, "allocation")
    for pk in load.world["decisions"]:
        if load.stop.is_set():
            return
        amount = 100_000 * (1 + pk % 5)
        response = browser.submit(
            f"/tilskudd/soknader/{pk}/",
            f"/tilskudd/soknader/{pk}/vedtak/",
            {"decision": "grant", "amount_nok": str(amount), "reason": f"Godt forankret ({email})."},
        )
        if response is None:
            continue  # decided already: the page shows no decision form
        if response.status_code == 302:
            load.tally.ack("allocation", (pk, email, amount))
        else:
            load.tally.refuse("allocation", response.status_code)


def run_load(load: Load) -> float:
    """Every visitor in a thread of its own for LOAD_SECONDS; returns how long it took them to stop."""
    searches = Budget(SEARCHES_PER_MINUTE, 61)
    visitors = [
        *[(f"reader-{n}", lambda: read(load, searches)) for n in range(READERS)],
        ("signup", lambda: sign_up(load)),
        ("enrol", lambda: enrol(load)),
        ("lesson", lambda: complete_lessons(load)),
        ("post", lambda: publish_posts(load)),
        ("interest", lambda: express_interest(load)),
        ("application", lambda: apply_for_funding(load)),
        *[(f"allocation-{n}", lambda e=email: decide(load, e)) for n, email in enumerate(load.world["assessors"])],
    ]

    started = time.monotonic()

    def guarded(kind, visit):
        try:
            visit()
        except Exception:
            load.tally.fail(kind)
        if not load.stop.is_set():
            load.tally.finished[kind] = round(time.monotonic() - started)

    threads = [threading.Thread(target=guarded, args=visitor, name=visitor[0]) for visitor in visitors]
    for thread in threads:
        thread.start()
    load.stop.wait(LOAD_SECONDS)
    load.stop.set()
    stopping = time.monotonic()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a visitor did not stop"
    return time.monotonic() - stopping


def differences(acknowledged, stored) -> dict:
    """Writes acknowledged but not stored (lost), and stored but never acknowledged or stored twice (extra)."""
    acknowledged, stored = Counter(map(json.dumps, acknowledged)), Counter(map(json.dumps, stored))
    return {"lost": sorted(acknowledged - stored), "extra": sorted(stored - acknowledged)}


def report(load: Load, facts: dict, seconds: float) -> str:
    tally = load.tally
    lines = [f"mixed load for {seconds:.0f} s on {load.site.environment['DATABASE_URL'].split(':')[0]}:"]
    kinds = sorted({kind for kind, *_rest in tally.answers})
    for kind in kinds:
        statuses = Counter()
        for (k, _method, _route, status), n in tally.answers.items():
            if k == kind:
                statuses[status] += n
        refused = {status: n for (k, status), n in tally.refused.items() if k == kind}
        lines.append(f"  {kind:12} {sum(statuses.values()):6} requests {dict(sorted(statuses.items(), key=str))}")
        if refused:
            lines.append(f"  {'':12} refused (not acknowledged): {refused}")
    lines.append(f"  acknowledged: { {kind: len(keys) for kind, keys in sorted(tally.acknowledged.items())} }")
    stored = {
        "signup": len(facts["signups"]),
        "enrol": len(facts["enrolments"]),
        "lesson": len(facts["completions"]),
        "post": len(facts["posts"]),
        "interest": len(facts["interests"]),
        "application": len(facts["applications"]),
        "allocation": len(facts["allocations"]),
    }
    if tally.finished:
        lines.append(f"  out of work before the end (seconds into the load): {tally.finished}")
    lines.append(f"  counted in the database: {stored}; granted {facts['granted_nok']} kr")
    lines.append("  answers per route:")
    routes = Counter()
    for (_kind, method, route, status), n in tally.answers.items():
        routes[method, route, status] += n
    lines += [f"    {method:4} {route} {status}: {n}" for (method, route, status), n in sorted(routes.items(), key=str)]
    return "\n".join(lines)


def count_and_check(load: Load, seconds: float, stopping: float) -> str:
    """Count the writes in the database, check them against what was acknowledged; returns the summary."""
    site, world = load.site, load.world
    world_file = site.tmp_path / "world.json"
    world_file.write_text(json.dumps(world), encoding="utf-8")
    facts = shell_json(site, f"from tests.load.world import facts\nfacts({str(world_file)!r})")
    summary = report(load, facts, seconds)
    print(summary)
    tally, acknowledged = load.tally, load.tally.acknowledged
    log = site.log.read_text()[-6000:]

    assert not tally.failures, "\n".join(tally.failures) + "\n" + summary
    assert not tally.server_errors, "\n".join(tally.server_errors[:20]) + "\n" + summary + "\ngunicorn.log:\n" + log
    assert stopping < 60, summary
    assert not any(kind == "reader" for kind, _status in tally.refused), summary
    for kind in ("signup", "enrol", "lesson", "post", "interest", "application", "submission", "allocation"):
        assert len(acknowledged[kind]) >= MIN_WRITES, f"{kind}: too few writes acknowledged\n{summary}"

    checks = {
        "signup": differences(acknowledged["signup"], facts["signups"]),
        "signup address": differences(acknowledged["signup"], facts["signup_addresses"]),
        "enrol": differences(map(list, acknowledged["enrol"]), facts["enrolments"]),
        "lesson": differences(map(list, acknowledged["lesson"]), facts["completions"]),
        "post": differences(acknowledged["post"], facts["posts"]),
        "interest": differences(map(list, acknowledged["interest"]), facts["interests"]),
        "application": differences(acknowledged["application"], [row[0] for row in facts["applications"]]),
        "submission": differences(
            map(list, acknowledged["submission"]),
            [[pk, title] for pk, title, status in facts["applications"] if status == "submitted"],
        ),
        "allocation": differences(map(list, acknowledged["allocation"]), facts["allocations"]),
    }
    wrong = {kind: found for kind, found in checks.items() if found["lost"] or found["extra"]}
    assert not wrong, f"{wrong}\n{summary}"
    assert facts["published_posts"] == len(acknowledged["post"]), summary
    assert facts["granted_nok"] == sum(amount for _pk, _email, amount in acknowledged["allocation"]), summary
    assert facts["undecided"] == len(world["decisions"]) - len(acknowledged["allocation"]), summary
    return summary


def test_a_minute_of_mixed_load_answers_no_5xx_and_loses_or_doubles_no_write(site):
    run = f"lasttest{secrets.token_hex(3)}"
    world = {**shell_json(site, "from tests.load.world import build\nbuild()"), "run": run}
    load = Load(site, world, run)
    sign_in_everyone(load)
    started = time.monotonic()
    stopping = run_load(load)
    count_and_check(load, time.monotonic() - started, stopping)
