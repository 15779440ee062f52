"""Which posts and organisations suit a post, how well, and why — in one place, with the weights in one place.

A need is matched with offers and an offer with needs, never with the posting
organisation's own. Each candidate gets a score from 0 to 100, the weighted sum of:

- service areas: the share of service areas the two have in common;
- challenges: likewise for challenges;
- sectors: the candidate is of a sector the post seeks, and the other way round;
- text: how alike the two texts are (TF-IDF cosine over Norwegian stems);
- geography: the same kommune, the same fylke, or one of them covers the whole country;
- demography: the candidate's kommune has a demographic path like the post's.

Each part that counts comes with its reason in plain Norwegian. The features of
every published post are read in one query and kept per process until a post
changes, so matching one post against thousands is a loop over plain data; the
reasons are worded only for the candidates shown.
"""

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from innoplatform.core.vocabularies import Challenge, Sector, ServiceArea
from innoplatform.municipalities import public as municipalities
from innoplatform.municipalities.models import Kommune
from innoplatform.organisations.models import Organisation

from .models import CollaborationPost, PostCode
from .text import parts_in_vocabulary, stems, surface_forms

WEIGHTS = {
    "service_areas": 0.25,
    "challenges": 0.15,
    "sectors": 0.25,
    "text": 0.20,
    "geography": 0.10,
    "demography": 0.05,
}
"""How much each part counts; the parts are each between 0 and 1, so the score is at most 100."""

REASON_THRESHOLD = 0.15
"""A part gives its reason only when it counts for something."""

MAX_TEXT_REASON_WORDS = 3


@dataclass(frozen=True)
class Features:
    """What the matching knows of a post (or of an organisation, as a post without kind)."""

    key: int
    slug: str
    title: str
    kind: str
    organisation_id: int
    organisation_name: str
    sector: str
    service_areas: frozenset[str]
    challenges: frozenset[str]
    seeking: frozenset[str]
    kommuner: frozenset[str]
    fylker: frozenset[str]
    whole_country: bool
    words: dict[str, int] = field(default_factory=dict, hash=False)
    vector: dict[str, float] = field(default_factory=dict, hash=False)
    norm: float = 1.0


@dataclass(frozen=True)
class Match:
    slug: str
    title: str
    score: int
    reasons: list[str]
    organisation_name: str = ""
    kind: str = ""


@dataclass
class Corpus:
    """Features of every candidate, with document frequencies for the text part."""

    posts: list[Features]
    organisations: list[Features]
    document_frequency: Counter
    documents: int
    vocabulary: frozenset[str] = frozenset()
    parts: dict[str, list[str]] = field(default_factory=dict)

    def idf(self, word: str) -> float:
        return math.log((1 + self.documents) / (1 + self.document_frequency.get(word, 0))) + 1.0

    def with_parts(self, item: Features) -> Features:
        """The features with each compound also counted as the corpus words it is made of (see `text`)."""
        words = Counter(item.words)
        for word, count in item.words.items():
            if word not in self.parts:
                self.parts[word] = parts_in_vocabulary(word, self.vocabulary)
            for part in self.parts[word]:
                words[part] += count
        return replace(item, words=dict(words))


def _labels(codes, vocabulary) -> str:
    """«helse og omsorg», «skole, kultur og barnehage»: the codes' labels in vocabulary order."""
    names = [str(vocabulary(code).label).lower() for code in vocabulary.values if code in codes]
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s og %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _features(
    post: tuple, codes: dict[str, set[str]], kommuner: set[str], fylker: set[str], seat: str | None
) -> Features:
    """Features from a post's fields (pk, slug, title, kind, organisation id, name and sector, whole country, search
    text), its codes by dimension, its kommune and fylke numbers, and its organisation's seat."""
    key, slug, title, kind, organisation_id, organisation_name, sector, whole_country, search_text = post
    fylker = fylker | {number[:2] for number in kommuner}
    if seat is not None:
        kommuner, fylker = kommuner | {seat}, fylker | {seat[:2]}
    return Features(
        key=key,
        slug=slug,
        title=title,
        kind=kind,
        organisation_id=organisation_id,
        organisation_name=organisation_name,
        sector=sector,
        service_areas=frozenset(codes.get(PostCode.Dimension.SERVICE_AREA, ())),
        challenges=frozenset(codes.get(PostCode.Dimension.CHALLENGE, ())),
        seeking=frozenset(codes.get(PostCode.Dimension.SEEKING, ())),
        kommuner=frozenset(kommuner),
        fylker=frozenset(fylker),
        whole_country=whole_country,
        words=dict(Counter(search_text.split())),
    )


def post_features(posts: list[CollaborationPost]) -> list[Features]:
    """Features of posts fetched with their codes, kommuner, fylker and organisation (see `_post_queryset`)."""
    result = []
    for post in posts:
        codes: dict[str, set[str]] = {}
        for row in post.codes.all():
            codes.setdefault(row.dimension, set()).add(row.code)
        fields = (
            post.pk,
            post.slug,
            post.title,
            post.kind,
            post.organisation_id,
            post.organisation.name,
            post.organisation.sector,
            post.whole_country,
            post.search_text,
        )
        seat = post.organisation.kommune.number if post.organisation.kommune else None
        kommuner = {kommune.number for kommune in post.kommuner.all()}
        result.append(_features(fields, codes, kommuner, {fylke.number for fylke in post.fylker.all()}, seat))
    return result


def published_features() -> list[Features]:
    """Features of every published post, read as plain rows in four queries: no model instances for thousands."""
    published = CollaborationPost.objects.published()
    codes: dict[int, dict[str, set[str]]] = defaultdict(dict)
    for post_id, dimension, code in PostCode.objects.filter(post__in=published.values("pk")).values_list(
        "post_id", "dimension", "code"
    ):
        codes[post_id].setdefault(dimension, set()).add(code)
    kommuner: dict[int, set[str]] = defaultdict(set)
    through = CollaborationPost.kommuner.through
    for post_id, number in through.objects.filter(collaborationpost__in=published.values("pk")).values_list(
        "collaborationpost_id", "kommune__number"
    ):
        kommuner[post_id].add(number)
    fylker: dict[int, set[str]] = defaultdict(set)
    through = CollaborationPost.fylker.through
    for post_id, number in through.objects.filter(collaborationpost__in=published.values("pk")).values_list(
        "collaborationpost_id", "fylke__number"
    ):
        fylker[post_id].add(number)
    rows = published.order_by("pk").values_list(
        "pk",
        "slug",
        "title",
        "kind",
        "organisation_id",
        "organisation__name",
        "organisation__sector",
        "whole_country",
        "search_text",
        "organisation__kommune__number",
    )
    return [_features(row[:-1], codes[row[0]], kommuner[row[0]], fylker[row[0]], row[-1]) for row in rows]


def _post_queryset():
    return CollaborationPost.objects.select_related("organisation__kommune").prefetch_related(
        "codes", "kommuner", "fylker"
    )


def organisation_features(organisations: list[Organisation], posts: list[Features]) -> list[Features]:
    """An organisation as a candidate partner: its sector and seat, its description, and what its posts are about."""
    by_organisation: dict[int, list[Features]] = {}
    for post in posts:
        by_organisation.setdefault(post.organisation_id, []).append(post)
    result = []
    for organisation in organisations:
        own = by_organisation.get(organisation.pk, [])
        seat = organisation.kommune
        words = Counter(stems(f"{organisation.name} {organisation.description}"))
        for post in own:
            words.update(post.words)
        result.append(
            Features(
                key=organisation.pk,
                slug=organisation.slug,
                title=organisation.name,
                kind="",
                organisation_id=organisation.pk,
                organisation_name=organisation.name,
                sector=organisation.sector,
                service_areas=frozenset().union(*(post.service_areas for post in own)),
                challenges=frozenset().union(*(post.challenges for post in own)),
                seeking=frozenset(),
                kommuner=frozenset({seat.number} if seat else set()),
                fylker=frozenset({seat.number[:2]} if seat else set()),
                whole_country=any(post.whole_country for post in own),
                words=dict(words),
            )
        )
    return result


def _version() -> tuple:
    """Changes whenever a published post, an organisation or the day does: the cached corpus is then rebuilt."""
    posts = CollaborationPost.objects.published().aggregate(n=Count("pk"), changed=Max("updated_at"))
    organisations = Organisation.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    return (posts["n"], posts["changed"], organisations["n"], organisations["changed"], timezone.localdate())


@lru_cache(maxsize=2)
def _corpus(version: tuple) -> Corpus:
    posts = published_features()
    organisations = organisation_features(list(Organisation.objects.select_related("kommune")), posts)
    vocabulary = frozenset(word for item in [*posts, *organisations] for word in item.words)
    known = Corpus([], [], Counter(), len(posts) + len(organisations), vocabulary)
    posts = [known.with_parts(item) for item in posts]
    organisations = [known.with_parts(item) for item in organisations]
    for item in [*posts, *organisations]:
        known.document_frequency.update(item.words.keys())
    known.posts = [with_vector(item, known) for item in posts]
    known.organisations = [with_vector(item, known) for item in organisations]
    return known


def corpus() -> Corpus:
    return _corpus(_version())


def with_vector(item: Features, corpus: Corpus) -> Features:
    """The features with their TF-IDF vector over the corpus, computed once."""
    vector = {word: (1 + math.log(count)) * corpus.idf(word) for word, count in item.words.items()}
    return replace(item, vector=vector, norm=math.sqrt(sum(value * value for value in vector.values())) or 1.0)


def _overlap(mine: frozenset, theirs: frozenset) -> float:
    return 2 * len(mine & theirs) / (len(mine) + len(theirs)) if mine and theirs else 0.0


def _sector_fit(post: Features, candidate: Features) -> float:
    wanted = candidate.sector in post.seeking
    wanted_back = bool(candidate.seeking) and post.sector in candidate.seeking
    if not post.seeking and not candidate.seeking:
        return 0.5 if post.sector != candidate.sector else 0.25
    return (1.0 * wanted + 0.5 * wanted_back) / (1.0 + (0.5 if candidate.seeking else 0.0))


def _geography(post: Features, candidate: Features) -> tuple[float, str | None]:
    if post.kommuner & candidate.kommuner:
        return 1.0, "same_kommune"
    if post.fylker & candidate.fylker:
        return 0.7, "same_fylke"
    if candidate.whole_country or post.whole_country:
        return 0.6, "whole_country"
    return 0.0, None


def _text_similarity(post: Features, candidate: Features) -> float:
    """Cosine of the two TF-IDF vectors, looping over the shorter one."""
    mine, theirs = post.vector, candidate.vector
    if len(theirs) < len(mine):
        mine, theirs = theirs, mine
    dot = 0.0
    for word, value in mine.items():
        other = theirs.get(word)
        if other is not None:
            dot += value * other
    return dot / (post.norm * candidate.norm)


def _demographic_reason(candidate: Features, similar: dict[str, str]) -> str | None:
    return next((similar[number] for number in candidate.kommuner if number in similar), None) if similar else None


def _parts(post: Features, candidate: Features, similar: dict[str, str]) -> dict[str, float]:
    """Each part of the score, between 0 and 1; plain numbers, so that thousands of candidates cost little."""
    return {
        "service_areas": _overlap(post.service_areas, candidate.service_areas),
        "challenges": _overlap(post.challenges, candidate.challenges),
        "sectors": _sector_fit(post, candidate),
        "text": _text_similarity(post, candidate),
        "geography": _geography(post, candidate)[0],
        "demography": 1.0 if _demographic_reason(candidate, similar) else 0.0,
    }


def _score(parts: dict[str, float]) -> float:
    return 100 * sum(WEIGHTS[name] * min(value, 1.0) for name, value in parts.items())


GEOGRAPHY_REASONS = {
    "same_kommune": _lazy("samme kommune"),
    "same_fylke": _lazy("samme fylke"),
    "whole_country": _lazy("gjelder hele landet"),
}


def _shared_words(post: Features, candidate: Features, words: dict[str, str]) -> list[str]:
    """The shared stems that weigh most, as the post writes them; a part of a word already shown is left out."""
    mine, theirs = post.vector, candidate.vector
    shown: list[str] = []
    for stem in sorted(mine.keys() & theirs.keys(), key=lambda stem: mine[stem] * theirs[stem], reverse=True):
        word = words.get(stem, stem)
        if not any(word in other or other in word for other in shown):
            shown.append(word)
        if len(shown) == MAX_TEXT_REASON_WORDS:
            break
    return shown


def _reasons(
    post: Features, candidate: Features, similar: dict[str, str], parts: dict[str, float], words: dict[str, str]
) -> list[str]:
    """Why a candidate fits, in plain Norwegian; only for the candidates shown."""
    reasons: list[str] = []
    if parts["service_areas"] >= REASON_THRESHOLD:
        reasons.append(
            _("begge gjelder %(areas)s") % {"areas": _labels(post.service_areas & candidate.service_areas, ServiceArea)}
        )
    if parts["challenges"] >= REASON_THRESHOLD:
        reasons.append(
            _("begge handler om %(challenges)s")
            % {"challenges": _labels(post.challenges & candidate.challenges, Challenge)}
        )
    sector_names = dict(Sector.choices)
    if candidate.sector in post.seeking:
        name = str(sector_names[candidate.sector]).lower()
        reasons.append(_("dere søker %(sector)s – de er %(sector)s") % {"sector": name})
    if candidate.seeking and post.sector in candidate.seeking:
        name = str(sector_names[post.sector]).lower()
        reasons.append(_("de søker %(sector)s – dere er %(sector)s") % {"sector": name})
    if parts["text"] >= REASON_THRESHOLD:
        reasons.append(_("lignende ord: %(words)s") % {"words": ", ".join(_shared_words(post, candidate, words))})
    geography = _geography(post, candidate)[1]
    if geography:
        reasons.append(str(GEOGRAPHY_REASONS[geography]))
    if demographic := _demographic_reason(candidate, similar):
        reasons.append(_("kommunene har %(reason)s") % {"reason": demographic})
    return reasons


def _similar_kommuner(post: Features) -> dict[str, str]:
    """Kommune number → the reason it is like one of the post's kommuner (three queries)."""
    kommuner = list(Kommune.objects.filter(number__in=post.kommuner))
    similar: dict[str, str] = {}
    for entries in municipalities.similar_for(kommuner).values():
        for entry in entries:
            similar.setdefault(entry.kommune.number, entry.reason)
    return similar


def features_for(post: CollaborationPost) -> Features:
    """The post's own features (it need not be published): from the object when it was read with its codes,
    kommuner and fylker prefetched, otherwise read fresh."""
    if {"codes", "kommuner", "fylker"} <= getattr(post, "_prefetched_objects_cache", {}).keys():
        return post_features([post])[0]
    return post_features([_post_queryset().get(pk=post.pk)])[0]


@dataclass(frozen=True)
class Prepared:
    """A post ready to be compared: its features with parts and vector, and the kommuner like its own."""

    features: Features
    similar: dict[str, str]
    words: dict[str, str]


def prepare(post: CollaborationPost, known: Corpus) -> Prepared:
    mine = with_vector(known.with_parts(features_for(post)), known)
    return Prepared(mine, _similar_kommuner(mine), _words_of(post))


def _ranked(
    prepared: Prepared,
    candidates: list[Features],
    limit: int,
    texts_of: Callable[[list[int]], dict[int, str]],
) -> list[tuple[float, Features, list[str]]]:
    """The best candidates with their reasons; `texts_of` gives the shown candidates' texts by key (one query),
    so that a shared stem the post does not write as a word is shown as the candidate writes it."""
    post, similar, words = prepared.features, prepared.similar, prepared.words
    scored = []
    for candidate in candidates:
        parts = _parts(post, candidate, similar)
        scored.append((_score(parts), candidate, parts))
    best = heapq.nsmallest(limit, scored, key=lambda item: (-item[0], item[1].title))
    texts = texts_of([item[1].key for item in best]) if best else {}
    return [
        (
            score,
            candidate,
            _reasons(post, candidate, similar, parts, surface_forms(texts.get(candidate.key, "")) | words),
        )
        for score, candidate, parts in best
    ]


def _words_of(post: CollaborationPost) -> dict[str, str]:
    return surface_forms(f"{post.title} {post.description}")


def _post_texts(keys: list[int]) -> dict[int, str]:
    return {
        pk: f"{title} {description}"
        for pk, title, description in CollaborationPost.objects.filter(pk__in=keys).values_list(
            "pk", "title", "description"
        )
    }


def _organisation_texts(keys: list[int]) -> dict[int, str]:
    return {
        pk: f"{name} {description}"
        for pk, name, description in Organisation.objects.filter(pk__in=keys).values_list("pk", "name", "description")
    }


def _post_matches(post: CollaborationPost, known: Corpus, prepared: Prepared, limit: int) -> list[Match]:
    other_kind = (
        CollaborationPost.Kind.OFFER if post.kind == CollaborationPost.Kind.NEED else CollaborationPost.Kind.NEED
    )
    candidates = [c for c in known.posts if c.kind == other_kind and c.organisation_id != post.organisation_id]
    return [
        Match(candidate.slug, candidate.title, round(score), reasons, candidate.organisation_name, candidate.kind)
        for score, candidate, reasons in _ranked(prepared, candidates, limit, _post_texts)
    ]


def _organisation_matches(post: CollaborationPost, known: Corpus, prepared: Prepared, limit: int) -> list[Match]:
    candidates = [c for c in known.organisations if c.key != post.organisation_id]
    return [
        Match(candidate.slug, candidate.title, round(score), reasons, candidate.organisation_name)
        for score, candidate, reasons in _ranked(prepared, candidates, limit, _organisation_texts)
    ]


def match_posts(post: CollaborationPost, limit: int = 5) -> list[Match]:
    """Published posts of the other kind from other organisations, best first, with score and reasons."""
    known = corpus()
    return _post_matches(post, known, prepare(post, known), limit)


def match_organisations(post: CollaborationPost, limit: int = 5) -> list[Match]:
    """Organisations that could be partners for the post, best first, with score and reasons."""
    known = corpus()
    return _organisation_matches(post, known, prepare(post, known), limit)


def match_both(post: CollaborationPost, limit: int = 5) -> tuple[list[Match], list[Match]]:
    """`match_posts` and `match_organisations` together, reading the post and its corpus once (the post page)."""
    known = corpus()
    prepared = prepare(post, known)
    return _post_matches(post, known, prepared, limit), _organisation_matches(post, known, prepared, limit)
