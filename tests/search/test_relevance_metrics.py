"""The relevance measures against values worked out by hand."""

import math

import pytest

from tests.search.relevance import (
    Evaluation,
    JudgedQuery,
    QueryResult,
    dcg,
    evaluate,
    first_relevant_rank,
    format_details,
    format_report,
    gain,
    ndcg_at_k,
    reciprocal_rank,
)


def test_gain_is_exponential_in_the_grade():
    assert [gain(grade) for grade in (0, 1, 2, 3)] == [0, 1, 3, 7]


def test_dcg_discounts_by_the_log_of_the_rank():
    # 7/log2(2) + 3/log2(3) + 0/log2(4) + 1/log2(5) = 7 + 1.892789 + 0 + 0.430677
    assert dcg([3, 2, 0, 1]) == pytest.approx(9.323466, abs=1e-6)


def test_dcg_counts_only_the_first_k():
    assert dcg([3, 3, 3], k=1) == 7


def test_ndcg_is_one_for_the_ideal_order():
    assert ndcg_at_k(["a", "b", "c"], {"a": 3, "b": 2, "c": 1}) == pytest.approx(1.0)


def test_ndcg_of_a_swapped_pair():
    # DCG = 1 + 7/log2(3) = 5.416508; ideal = 7 + 1/log2(3) = 7.630930
    assert ndcg_at_k(["a", "b", "c"], {"a": 1, "b": 3}) == pytest.approx(5.416508 / 7.630930, abs=1e-6)
    assert ndcg_at_k(["a", "b", "c"], {"a": 1, "b": 3}) == pytest.approx(0.709810, abs=1e-6)


def test_ndcg_counts_judged_documents_the_search_did_not_return():
    # DCG = 7; ideal = 7 + 7/log2(3) = 11.416508
    assert ndcg_at_k(["a"], {"a": 3, "b": 3}) == pytest.approx(7 / 11.416508, abs=1e-6)


def test_ndcg_is_zero_without_relevant_results_or_judgments():
    assert ndcg_at_k(["x", "y"], {"a": 3}) == 0.0
    assert ndcg_at_k([], {"a": 3}) == 0.0
    assert ndcg_at_k(["a"], {}) == 0.0


def test_ndcg_ignores_results_beyond_k():
    ranking = [f"x{i}" for i in range(10)] + ["a"]
    assert ndcg_at_k(ranking, {"a": 3}, k=10) == 0.0
    # rank 11 with k=11: 7/log2(12) over 7
    assert ndcg_at_k(ranking, {"a": 3}, k=11) == pytest.approx(1 / math.log2(12))


def test_a_result_returned_twice_counts_once():
    # DCG = 7 + 0 + 3/log2(4) = 8.5; ideal = 7 + 3/log2(3) = 8.892789
    assert ndcg_at_k(["a", "a", "b"], {"a": 3, "b": 2}) == pytest.approx(8.5 / 8.892789, abs=1e-6)


def test_reciprocal_rank_of_the_first_relevant_result():
    assert reciprocal_rank(["x", "y", "a", "b"], {"a": 1, "b": 3}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a"], {"a": 2}) == 1.0
    assert reciprocal_rank(["x", "y"], {"a": 3}) == 0.0


def test_reciprocal_rank_with_a_minimum_grade_skips_partly_relevant_results():
    assert reciprocal_rank(["a", "x", "b"], {"a": 1, "b": 3}, min_grade=2) == pytest.approx(1 / 3)


def test_reciprocal_rank_stops_at_k():
    assert reciprocal_rank(["x", "y", "a"], {"a": 3}, k=2) == 0.0


def test_first_relevant_rank():
    assert first_relevant_rank(["x", "a"], {"a": 1}) == 2
    assert first_relevant_rank(["x"], {"a": 1}) is None


def test_evaluate_scores_each_query_and_averages():
    queries = [
        JudgedQuery(q="perfekt", relevant={"a": 3}),
        JudgedQuery(q="andreplass", relevant={"a": 3}),
        JudgedQuery(q="ingenting", relevant={"a": 3}),
    ]
    rankings = {"perfekt": ["a", "x"], "andreplass": ["x", "a"], "ingenting": ["x", "y"]}
    evaluation = evaluate(queries, rankings.__getitem__)
    assert [result.ndcg for result in evaluation.results] == pytest.approx([1.0, 1 / math.log2(3), 0.0])
    assert [result.reciprocal_rank for result in evaluation.results] == pytest.approx([1.0, 0.5, 0.0])
    # (1 + 0.630930 + 0) / 3 and (1 + 0.5 + 0) / 3
    assert evaluation.mean_ndcg == pytest.approx(0.543643, abs=1e-6)
    assert evaluation.mrr == pytest.approx(0.5)
    assert [result.query.q for result in evaluation.worst(2)] == ["ingenting", "andreplass"]


def test_evaluate_reads_only_the_first_k_results():
    evaluation = evaluate([JudgedQuery(q="sent", relevant={"a": 3})], lambda text: ["x", "y", "a"], k=2)
    assert evaluation.results[0].ranking == ("x", "y")
    assert evaluation.results[0].ndcg == 0.0


def test_an_empty_evaluation_has_zero_means():
    assert Evaluation().mean_ndcg == 0.0 and Evaluation().mrr == 0.0


def test_the_report_shows_each_query_and_the_means():
    result = QueryResult(
        query=JudgedQuery(q="sykehjem", relevant={"a": 3, "b": 1}), ranking=("x", "a"), ndcg=0.5, reciprocal_rank=0.5
    )
    report = format_report(Evaluation([result]))
    assert "sykehjem" in report and "0.500" in report and "1/2" in report
    assert report.splitlines()[-2].startswith("mean")
    details = format_details(result)
    assert " 2. [3] a" in details and "[1] b (not in the results)" in details
