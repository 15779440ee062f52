"""Measuring how well the search ranks: graded judgments, nDCG@k and reciprocal rank.

A judged query maps the slugs of the documents a domain expert expects to see to
a grade: 3 the answer, 2 clearly relevant, 1 partly relevant; anything not named
is 0. The search under test is any function from query text to slugs in rank
order, so the same judgments can measure the database backend, Elasticsearch or
the public API.
"""

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"
CORPUS_FILE = DATA / "relevance_corpus.jsonl"
QUERIES_FILE = DATA / "relevance_queries.json"
K = 10

SearchFunction = Callable[[str], Sequence[str]]


@dataclass(frozen=True)
class JudgedQuery:
    q: str
    relevant: dict[str, int]
    """Slug → grade (1–3); unlisted slugs are not relevant."""
    kinds: tuple[str, ...] = ()
    """What the query tests: «typo», «nynorsk», «compound», …"""
    note: str = ""
    known_miss: str = ""
    """Why the search is not expected to find anything relevant, when that is accepted."""


@dataclass(frozen=True)
class QueryResult:
    query: JudgedQuery
    ranking: tuple[str, ...]
    ndcg: float
    reciprocal_rank: float

    @property
    def first_relevant(self) -> int | None:
        """1-based rank of the first relevant result, None when none is in the ranking."""
        return first_relevant_rank(self.ranking, self.query.relevant)


@dataclass(frozen=True)
class Evaluation:
    results: list[QueryResult] = field(default_factory=list)

    @property
    def mean_ndcg(self) -> float:
        return mean(result.ndcg for result in self.results)

    @property
    def mrr(self) -> float:
        return mean(result.reciprocal_rank for result in self.results)

    def worst(self, count: int = 5) -> list[QueryResult]:
        return sorted(self.results, key=lambda result: (result.ndcg, result.reciprocal_rank))[:count]


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def gain(grade: int) -> float:
    """Exponential gain (2^grade − 1), so one answer (7) outweighs two partly relevant results (1 + 1)."""
    return 2.0**grade - 1


def dcg(grades: Sequence[int], k: int = K) -> float:
    """Discounted cumulative gain of grades in rank order: the result at rank r counts gain / log2(r + 1)."""
    return sum(gain(grade) / math.log2(rank + 1) for rank, grade in enumerate(grades[:k], start=1))


def ndcg_at_k(ranking: Sequence[str], relevant: Mapping[str, int], k: int = K) -> float:
    """DCG of the first `k` results over the DCG of the ideal order of every judged document.

    1.0 when the best documents come first in the best order; 0.0 when nothing
    relevant is in the first `k`, and also for a query with no relevant document.
    A slug returned twice counts only where it first appears.
    """
    ideal = dcg(sorted(relevant.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    seen: set[str] = set()
    grades = []
    for slug in ranking[:k]:
        grades.append(0 if slug in seen else relevant.get(slug, 0))
        seen.add(slug)
    return dcg(grades, k) / ideal


def first_relevant_rank(ranking: Sequence[str], relevant: Mapping[str, int], min_grade: int = 1) -> int | None:
    for rank, slug in enumerate(ranking, start=1):
        if relevant.get(slug, 0) >= min_grade:
            return rank
    return None


def reciprocal_rank(ranking: Sequence[str], relevant: Mapping[str, int], k: int = K, min_grade: int = 1) -> float:
    """1 / the rank of the first result graded at least `min_grade` within the first `k`; 0.0 when there is none."""
    rank = first_relevant_rank(ranking[:k], relevant, min_grade)
    return 1.0 / rank if rank else 0.0


def evaluate(queries: Iterable[JudgedQuery], search: SearchFunction, k: int = K) -> Evaluation:
    """Run every query through `search` and score the first `k` slugs it returns."""
    results = []
    for query in queries:
        ranking = tuple(search(query.q))[:k]
        results.append(
            QueryResult(
                query=query,
                ranking=ranking,
                ndcg=ndcg_at_k(ranking, query.relevant, k),
                reciprocal_rank=reciprocal_rank(ranking, query.relevant, k),
            )
        )
    return Evaluation(results)


def load_queries(path: Path = QUERIES_FILE) -> list[JudgedQuery]:
    entries = json.loads(path.read_text(encoding="utf-8"))["queries"]
    return [
        JudgedQuery(
            q=entry["q"],
            relevant=dict(entry["relevant"]),
            kinds=tuple(entry.get("kinds", ())),
            note=entry.get("note", ""),
            known_miss=entry.get("known_miss", ""),
        )
        for entry in entries
    ]


def load_corpus(path: Path = CORPUS_FILE) -> list[dict]:
    """The judged cases: slug, language, title, introduction, body (paragraphs), phase, service_areas, challenges."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def format_report(evaluation: Evaluation, k: int = K) -> str:
    """A plain-text table, one line per query (nDCG, reciprocal rank, first relevant rank, hits), then the means."""
    width = max((len(result.query.q) for result in evaluation.results), default=5)
    lines = [f"{'query':<{width}}  nDCG@{k:<2}  RR     first  relevant in top {k}"]
    for result in evaluation.results:
        found = sum(1 for slug in result.ranking if result.query.relevant.get(slug, 0))
        first = result.first_relevant or "–"
        lines.append(
            f"{result.query.q:<{width}}  {result.ndcg:6.3f}  {result.reciprocal_rank:5.3f}  {first!s:>5}  "
            f"{found}/{len(result.query.relevant)}"
        )
    lines.append(f"{'mean':<{width}}  {evaluation.mean_ndcg:6.3f}  {evaluation.mrr:5.3f}")
    lines.append(f"{len(evaluation.results)} queries")
    return "\n".join(lines)


def format_details(result: QueryResult) -> str:
    """One query's ranking with the grade of each result, and the judged documents it left out of the top."""
    lines = [f"«{result.query.q}»  nDCG {result.ndcg:.3f}  RR {result.reciprocal_rank:.3f}"]
    for rank, slug in enumerate(result.ranking, start=1):
        lines.append(f"  {rank:>2}. [{result.query.relevant.get(slug, 0)}] {slug}")
    missing = {slug: grade for slug, grade in result.query.relevant.items() if slug not in result.ranking}
    for slug, grade in sorted(missing.items(), key=lambda item: -item[1]):
        lines.append(f"   –  [{grade}] {slug} (not in the results)")
    return "\n".join(lines)
