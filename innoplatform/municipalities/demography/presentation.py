"""Turns a KommuneProfile into what the page, the CSV downloads and the API show.

Kept apart from the views so the three outputs cannot drift: the table under a
chart, its CSV file and the JSON carry the same numbers.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from innoplatform.core.vocabularies import Challenge

from ..models import AgeGroup, DemographicSummary
from . import challenges as thresholds
from .aggregation import GROUPS, WORKING_AGE, total_of
from .charts import LineChart, Pyramid, index_series, line_chart, pyramid
from .indicators import CHALLENGE_YEAR, INDICATOR_KEYS, INDICATOR_LABELS, TARGET_YEARS
from .profile import BROAD_GROUPS, KommuneProfile


def broad_labels() -> dict[str, str]:
    return {"0-15": _("0–15 år"), "20-66": _("20–66 år"), "67-79": _("67–79 år"), "80+": _("80 år og eldre")}


def kind_label(profile: KommuneProfile, year: int) -> str:
    return _("Registrert") if year in profile.observed_years else _("Framskrevet")


def age_chart(profile: KommuneProfile) -> LineChart:
    """Index (base year = 100) of the broad age groups over all years."""
    labels = broad_labels()
    lines = []
    for code, members in BROAD_GROUPS:
        values = {year: total_of(groups, members) for year, groups in profile.groups_by_year.items()}
        lines.append((labels[code], index_series(values, profile.base_year)))
    return line_chart(profile.years, lines, profile.base_year)


def age_rows(profile: KommuneProfile) -> list[dict]:
    """Persons per functional group and year: the table and CSV behind the age chart."""
    return [
        {
            "year": year,
            "kind": "observed" if year in profile.observed_years else "projected",
            "kind_label": kind_label(profile, year),
            "groups": [groups.get(code, 0) for code in GROUPS],
            "total": total_of(groups),
        }
        for year, groups in sorted(profile.groups_by_year.items())
    ]


def pyramid_rows(profile: KommuneProfile) -> list[dict]:
    """Persons per group now and in the pyramid year, by sex where the data has it."""
    then_year = profile.pyramid_year
    sexes = ("M", "K") if profile.pyramid_by_sex else ("T",)
    now, then = profile.sex_groups(profile.base_year), profile.sex_groups(then_year)
    return [
        {
            "group": code,
            "label": label,
            "now": [now.get(sex, {}).get(code, 0) for sex in sexes],
            "then": [then.get(sex, {}).get(code, 0) for sex in sexes],
        }
        for code, label in AgeGroup.choices
    ]


def pyramid_chart(profile: KommuneProfile) -> Pyramid | None:
    if profile.pyramid_year is None:
        return None
    sexes = ("M", "K") if profile.pyramid_by_sex else ("T",)
    now, then = profile.sex_groups(profile.base_year), profile.sex_groups(profile.pyramid_year)
    return pyramid(
        [(code, str(label)) for code, label in AgeGroup.choices],
        {sex: now.get(sex, {}) for sex in sexes},
        {sex: then.get(sex, {}) for sex in sexes},
        profile.pyramid_by_sex,
    )


def working_age(profile: KommuneProfile) -> dict[int, int]:
    return {year: total_of(groups, WORKING_AGE) for year, groups in profile.groups_by_year.items()}


def service_chart(profile: KommuneProfile) -> LineChart:
    """Index of staffing need per service against the working-age population (base year = 100)."""
    years = [year for year in profile.years if year >= profile.base_year]
    lines = [
        (str(item.service.name), index_series({n.year: n.fte for n in needs if n.year in years}, profile.base_year))
        for item, needs in profile.services
    ]
    lines.append(
        (
            _("Yrkesaktiv alder 20–66 år"),
            index_series({y: v for y, v in working_age(profile).items() if y in years}, profile.base_year),
        )
    )
    return line_chart(years, lines, None)


def service_rows(profile: KommuneProfile) -> tuple[list[dict], list[int]]:
    """Users and FTE per service in the key years, and the working-age population in those years."""
    key_years = profile.key_years
    persons = working_age(profile)
    rows = []
    for item, needs in profile.services:
        by_year = {need.year: need for need in needs}
        rows.append(
            {
                "service": item.service,
                "uses_own_rates": item.uses_own_rates,
                "sources": item.sources,
                "needs": [by_year[year] for year in key_years if year in by_year],
            }
        )
    return rows, [persons[year] for year in key_years]


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    values: list[float | None]


def comparison(profile: KommuneProfile, year: int) -> tuple[list[str], list[ComparisonRow]]:
    """Indicators of the kommune, its fylke and Norway side by side for one target year."""
    summaries: list[DemographicSummary | None] = [profile.summary, profile.fylke_summary, profile.country_summary]
    columns = [profile.kommune.name, profile.kommune.fylke.name, _("Hele landet")]
    rows = [
        ComparisonRow(
            key,
            str(INDICATOR_LABELS[key]),
            [s.indicators.get(str(year), {}).get(key) if s else None for s in summaries],
        )
        for key in INDICATOR_KEYS
    ]
    return columns, rows


def challenge_explanations(profile: KommuneProfile) -> list[dict]:
    """Each derived challenge with the rule it met, in plain Norwegian."""
    rules = {
        Challenge.ALDRING: _(
            "Antallet som er 80 år og eldre, øker med mer enn %(a)s %% eller utgjør minst %(b)s %% av innbyggerne."
        )
        % {"a": int(thresholds.AGEING_80_PLUS_GROWTH_PCT), "b": int(thresholds.AGEING_80_PLUS_SHARE_PCT)},
        Challenge.BEFOLKNINGSNEDGANG: _("Folketallet går ned med mer enn %(a)s %%.")
        % {"a": int(-thresholds.DECLINE_PCT)},
        Challenge.ARBEIDSKRAFT: _(
            "Det blir minst %(a)s eldre (67+) per person i yrkesaktiv alder, eller antallet 20–66 år går ned med mer enn %(b)s %%."
        )
        % {"a": number_format(thresholds.DEPENDENCY_RATIO, 2), "b": int(-thresholds.WORKING_AGE_DECLINE_PCT)},
        Challenge.FAERRE_BARN: _("Antallet 0–15 år går ned med mer enn %(a)s %%.")
        % {"a": int(-thresholds.FEWER_CHILDREN_PCT)},
        Challenge.BEFOLKNINGSVEKST: _("Folketallet øker med mer enn %(a)s %%.") % {"a": int(thresholds.GROWTH_PCT)},
    }
    return [{"code": code, "label": Challenge(code).label, "rule": rules[code]} for code in profile.challenges]


def key_figures(profile: KommuneProfile) -> dict:
    """The numbers at the top of the profile: now, and in 2040 where the projection reaches it."""
    later = CHALLENGE_YEAR if CHALLENGE_YEAR in profile.groups_by_year else None
    base_status = profile.summary.indicators.get("base", {}) if profile.summary else {}
    return {
        "population": profile.population,
        "later_year": later,
        "later_population": total_of(profile.groups_by_year[later]) if later else None,
        "later": profile.indicators(later) if later else {},
        "base": base_status,
    }


def _decimal(value: float | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


def csv_table(profile: KommuneProfile, chart: str) -> tuple[list[str], list[list]]:
    """Header and rows of the CSV behind a chart (semicolon-separated, decimal comma)."""
    if chart == "aldersgrupper":
        header = [_("år"), _("type"), *(str(label) for _code, label in AgeGroup.choices), _("i alt")]
        return header, [[row["year"], row["kind_label"], *row["groups"], row["total"]] for row in age_rows(profile)]
    if chart == "befolkningspyramide":
        then = profile.pyramid_year
        sexes = [_("menn"), _("kvinner")] if profile.pyramid_by_sex else [_("begge kjønn")]
        header = [
            _("aldersgruppe"),
            *(f"{sex} {profile.base_year}" for sex in sexes),
            *(f"{sex} {then}" for sex in sexes),
        ]
        return header, [[str(row["label"]), *row["now"], *row["then"]] for row in pyramid_rows(profile)]
    if chart == "tjenester":
        persons = working_age(profile)
        header = [_("tjeneste"), _("år"), _("brukere"), _("årsverk"), _("personer 20–66 år"), _("satser")]
        rows = [
            [
                str(item.service.name),
                need.year,
                _decimal(need.users),
                _decimal(need.fte),
                persons[need.year],
                _("egne") if item.uses_own_rates else _("nasjonale"),
            ]
            for item, needs in profile.services
            for need in needs
            if need.year >= profile.base_year
        ]
        return header, rows
    columns, _rows = comparison(profile, CHALLENGE_YEAR)
    header = [_("år"), _("indikator"), *columns]
    rows = []
    for year in (y for y in TARGET_YEARS if y in profile.groups_by_year):
        for row in comparison(profile, year)[1]:
            rows.append([year, row.label, *(_decimal(value) for value in row.values)])
    return header, rows
