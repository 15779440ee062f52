"""Norwegian analysis: inflections, nynorsk spellings, compounds and typing errors meet on the same terms."""

import pytest

from search import analysis


@pytest.mark.parametrize(
    "forms",
    [
        ("kommune", "kommunen", "kommunene", "kommunane", "kommuner"),
        ("sykehjem", "sykehjemmet", "sykehjemmene"),
        ("innbygger", "innbyggere", "innbyggerne", "innbyggarane"),
        ("hjemmetjenesten", "heimetenesta"),
        ("ensomhet", "ensomme", "einsemd", "einsame"),
        ("skolen", "skulen", "skolene"),
        ("barna", "borna"),
        ("ungdom", "ungdommen", "ungdommer"),
        ("ansatte", "tilsette"),
    ],
)
def test_inflections_and_nynorsk_spellings_share_one_term(forms):
    assert len({analysis.stem(word) for word in forms}) == 1, {word: analysis.stem(word) for word in forms}


def test_different_words_keep_different_terms():
    assert analysis.stem("eldre") != analysis.stem("foreldre")
    assert analysis.stem("skole") != analysis.stem("sykehjem")


def test_function_words_are_left_out_in_both_written_languages():
    assert analysis.terms("Det er ikke så lett for oss") == ["lett"]
    assert analysis.terms("Det er ikkje så lett for dei") == ["lett"]


def test_compounds_split_into_known_parts_only():
    known = {"velferd", "teknologi", "eldr", "omsorg", "ring"}.__contains__
    assert analysis.compound_parts("velferdsteknologi", known) == ["velferd", "teknologi"]
    assert analysis.compound_parts(analysis.stem("eldreomsorg"), known) == ["eldr", "omsorg"]
    assert analysis.compound_parts(analysis.stem("foreldre"), known) == []  # «for» is too short to be a part
    assert "ring" not in analysis.compound_parts("rekruttering", known)  # four letters, not a common part


def test_common_parts_split_compounds_before_the_corpus_knows_them():
    assert analysis.compound_parts("velferdsteknologi", analysis.common_part_terms().__contains__)[-1] == "teknologi"


def test_typo_candidates_hold_the_word_meant_for_long_words_only():
    assert analysis.stem("sykehjem") in analysis.typo_candidates("sykehejm")  # swapped letters
    assert analysis.stem("rekruttering") in analysis.typo_candidates("rekrutering")  # a letter missing
    assert analysis.typo_candidates("skle") == set()  # shorter than six letters: taken as typed


def test_one_edit_away_counts_each_kind_of_edit():
    variants = analysis.one_edit_away("abc")
    assert {"ab", "bac", "abd", "abcd"} <= variants
    assert "abc" not in variants and "cba" not in variants


def test_language_is_guessed_from_function_words():
    assert analysis.guess_language("Kommunen har ikkje nok tilsette, og det er berre eit lite tal") == "nn"
    assert analysis.guess_language("Kommunen har ikke nok ansatte, og det er bare et lite antall") == "nb"
