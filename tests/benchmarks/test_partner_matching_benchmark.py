"""Benchmark: the matches for one post among 5,000 published posts, on SQLite.

Not part of the normal run; run it with
`.venv/bin/pytest tests/benchmarks/test_partner_matching_benchmark.py -s` and read the printed figures.
The cold time includes reading every published post and building the corpus; the
warm time is a request once the corpus is cached, which must stay under 100 ms.
"""

import random
import statistics
import time
from datetime import timedelta

import pytest

from django.utils import timezone

from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.factories import valid_orgnr
from innoplatform.organisations.models import Organisation
from partners import matching
from partners.models import CollaborationPost, PostCode
from partners.posts import search_text_of

pytestmark = pytest.mark.django_db

POSTS = 5_000
ORGANISATIONS = 500
WARM_RUNS = 20
WARM_LIMIT_MS = 100

SUBJECTS = (
    "hjemmetjenesten",
    "barnehagen",
    "ungdomsskolen",
    "sykehjemmet",
    "vannverket",
    "biblioteket",
    "servicetorget",
    "barneverntjenesten",
    "frivilligsentralen",
    "kulturhuset",
    "NAV-kontoret",
    "arealplanen",
)
ACTIONS = (
    "vil prøve ut",
    "trenger hjelp til å innføre",
    "søker partnere til",
    "tilbyr erfaring med",
    "leverer",
    "forsker på",
    "ønsker å evaluere",
    "har utviklet",
)
THINGS = (
    "velferdsteknologi og digitalt tilsyn",
    "leksehjelp for nyankomne elever",
    "rekruttering av fagarbeidere",
    "lekkasjesøk i vannledningsnettet",
    "klimabudsjett og klimagassregnskap",
    "bestillingstransport i distriktene",
    "aktivitetsvenner for personer med demens",
    "arbeidstrening for unge voksne",
    "chatbot for innbyggerhenvendelser",
    "fosterhjem i familie og nettverk",
    "energieffektivisering av kommunale bygg",
    "kulturtilbud for eldre",
    "felles anskaffelse av fagsystem",
    "tilflytting og bostedsattraktivitet",
)
DETAILS = (
    "Vi har gode erfaringer fra tre kommuner.",
    "Prosjektet skal gå over to år med følgeforskning.",
    "Brukerne skal være med fra starten.",
    "Vi ser etter noen som har gjort dette før.",
    "Ansatte og tillitsvalgte er med i arbeidet.",
    "Målet er å frigjøre tid til dem som trenger det mest.",
    "Vi deler gjerne kravspesifikasjon og erfaringer.",
)


def build_market(rng: random.Random) -> list[CollaborationPost]:
    kommuner = list(Kommune.objects.all())
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisasjon {n}",
            slug=f"organisasjon-{n}",
            orgnr=valid_orgnr(n),
            sector=rng.choice(Sector.values),
            kommune=rng.choice(kommuner),
            verified=True,
        )
        for n in range(ORGANISATIONS)
    )
    now, expires = timezone.now(), timezone.localdate() + timedelta(days=180)
    posts = []
    for n in range(POSTS):
        title = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(ACTIONS)} {rng.choice(THINGS)}"
        description = " ".join(
            [f"<p>{rng.choice(SUBJECTS).capitalize()} {rng.choice(ACTIONS)} {rng.choice(THINGS)}.</p>"]
            + [f"<p>{detail}</p>" for detail in rng.sample(DETAILS, 3)]
        )
        posts.append(
            CollaborationPost(
                organisation=rng.choice(organisations),
                kind=rng.choice(CollaborationPost.Kind.values),
                title=title,
                slug=f"innlegg-{n}",
                description=description,
                whole_country=rng.random() < 0.2,
                expires_on=expires,
                status=CollaborationPost.Status.PUBLISHED,
                published_at=now,
                search_text=search_text_of(title, description),
            )
        )
    posts = CollaborationPost.objects.bulk_create(posts)
    codes = []
    for post in posts:
        for dimension, vocabulary, most in (
            (PostCode.Dimension.SERVICE_AREA, ServiceArea, 2),
            (PostCode.Dimension.CHALLENGE, Challenge, 3),
            (PostCode.Dimension.SEEKING, Sector, 2),
        ):
            codes += [
                PostCode(post=post, dimension=dimension, code=code)
                for code in rng.sample(vocabulary.values, rng.randint(1, most))
            ]
    PostCode.objects.bulk_create(codes)
    through = CollaborationPost.kommuner.through
    through.objects.bulk_create(
        through(collaborationpost=post, kommune=rng.choice(kommuner)) for post in posts if not post.whole_country
    )
    return posts


def test_matches_for_one_post_among_five_thousand():
    rng = random.Random(2026)
    started = time.perf_counter()
    posts = build_market(rng)
    built = time.perf_counter() - started
    post = rng.choice(posts)
    matching._corpus.cache_clear()

    started = time.perf_counter()
    cold = matching.match_posts(post, limit=5)
    cold_ms = (time.perf_counter() - started) * 1000

    warm = []
    for candidate in rng.sample(posts, WARM_RUNS):
        started = time.perf_counter()
        matches = matching.match_posts(candidate, limit=5)
        warm.append((time.perf_counter() - started) * 1000)
        assert len(matches) == 5
    median, worst = statistics.median(warm), max(warm)
    print(
        f"\n{POSTS:,} published posts, {ORGANISATIONS} organisations (built in {built:.1f} s)"
        f"\nCold (corpus built): {cold_ms:.0f} ms"
        f"\nWarm over {WARM_RUNS} posts: median {median:.1f} ms, slowest {worst:.1f} ms"
    )
    assert len(cold) == 5 and all(0 < match.score <= 100 for match in cold)
    assert median < WARM_LIMIT_MS and worst < WARM_LIMIT_MS * 1.5
