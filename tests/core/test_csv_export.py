"""CSV downloads: formula-safe cells, a source line first, BOM and semicolons."""

from decimal import Decimal

from innoplatform.core.csv_export import csv_response, formula_safe


def test_text_that_a_spreadsheet_would_evaluate_is_written_as_text():
    assert formula_safe('=HYPERLINK("http://x","klikk")') == '\'=HYPERLINK("http://x","klikk")'
    assert formula_safe("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert formula_safe("-2+3") == "'-2+3"
    assert formula_safe("@SUM(A1)") == "'@SUM(A1)"
    assert formula_safe("\t=1") == "'\t=1"


def test_numbers_and_plain_text_are_left_alone():
    assert formula_safe(-3) == -3
    assert formula_safe(Decimal("-1.5")) == Decimal("-1.5")
    assert formula_safe("Skien") == "Skien"
    assert formula_safe(None) == ""


def test_response_starts_with_bom_and_source_then_header(db):
    response = csv_response("x.csv", ["tittel"], [["=1+1"]], source="Kilde: Statistisk sentralbyrå (SSB)")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffKilde: Statistisk sentralbyrå (SSB)\r\nLastet ned ")
    lines = text.splitlines()
    assert lines[2] == ""
    assert lines[3] == "tittel"
    assert lines[4] == "'=1+1"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
