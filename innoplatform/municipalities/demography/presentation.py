"""Turns a KommuneProfile into what the page and the CSV downloads show.

Kept apart from the views so the outputs cannot drift: the table under a chart
and its CSV file carry the same numbers. Every function copes with each data
state: a chart needs two years or more, a comparison needs a projection, and
generated demo years are labelled as generated.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from innoplatform.core.vocabularies import Challenge

from ..models import AgeGroup
from . import challenges as thresholds
from .aggregation import BANDS, GROUPS, WORKING_AGE, band_label, total_of
from .charts import LineChart, Pyramid, index_series, line_chart, pyramid
from .indicators import CHALLENGE_YEAR, INDICATOR_KEYS, INDICATOR_LABELS, TARGET_YEARS, Indicators
from .profile import BROAD_GROUPS, KommuneProfile

INDEX_MIN_SPAN = 10
"""An index chart spans at least 95–105, so a flat line stays flat instead of filling the chart."""
CSV_CHARTS = ("aldersgrupper", "befolkningspyramide", "tjenester", "sammenligning")


def broad_labels() -> dict[str, str]:
    return {"0-15": _("0–15 år"), "20-66": _("20–66 år"), "67-79": _("67–79 år"), "80+": _("80 år og eldre")}


def kind_label(profile: KommuneProfile, year: int) -> str:
    """ "Registrert", "Framskrevet", or which of them is generated demo data."""
    if year in profile.observed_years:
        observed = profile.choice.observed
        return _("Generert (demodata)") if observed and observed.is_generated(year) else _("Registrert")
    return _("Framskrevet (generert)") if profile.state.projection_is_demo else _("Framskrevet")


def _divider_labels(profile: KommuneProfile) -> tuple[str, str]:
    before = _("Historikk (generert)") if profile.state.generated_span else _("Registrert")
    after = _("Framskrevet (generert)") if profile.state.projection_is_demo else _("Framskrevet")
    return before, after


def age_chart(profile: KommuneProfile) -> LineChart | None:
    """Index (base year = 100) of the broad age groups over all years; None with a single year."""
    if len(profile.years) < 2:
        return None
    labels = broad_labels()
    lines = []
    for code, members in BROAD_GROUPS:
        values = {year: total_of(groups, members) for year, groups in profile.groups_by_year.items()}
        lines.append((labels[code], index_series(values, profile.base_year)))
    divider = profile.base_year if profile.observed_years and profile.projected_years else None
    return line_chart(profile.years, lines, divider, min_span=INDEX_MIN_SPAN, labels=_divider_labels(profile))


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


def pyramid_groups(profile: KommuneProfile) -> list[tuple[str, str]]:
    """(code, short label) of the pyramid's bands: five-year bands, or SSB's functional groups."""
    codes = BANDS if profile.pyramid_in_bands else GROUPS
    return [(code, band_label(code)) for code in codes]


def _sexes(profile: KommuneProfile) -> tuple[str, ...]:
    return ("M", "K") if profile.pyramid_by_sex else ("T",)


def pyramid_rows(profile: KommuneProfile) -> list[dict]:
    """Persons per band now and (where projected) in the pyramid year, by sex where the data has it."""
    sexes = _sexes(profile)
    now, then = profile.sex_groups(profile.base_year), profile.sex_groups(profile.pyramid_year)
    return [
        {
            "group": code,
            "label": label,
            "now": [now.get(sex, {}).get(code, 0) for sex in sexes],
            "then": [then.get(sex, {}).get(code, 0) for sex in sexes] if then else [],
        }
        for code, label in pyramid_groups(profile)
    ]


def pyramid_chart(profile: KommuneProfile) -> Pyramid:
    sexes = _sexes(profile)
    now, then = profile.sex_groups(profile.base_year), profile.sex_groups(profile.pyramid_year)
    return pyramid(
        pyramid_groups(profile),
        {sex: now.get(sex, {}) for sex in sexes},
        {sex: then.get(sex, {}) for sex in sexes} if then else None,
        profile.pyramid_by_sex,
    )


def working_age(profile: KommuneProfile) -> dict[int, int]:
    return {year: total_of(groups, WORKING_AGE) for year, groups in profile.groups_by_year.items()}


def service_chart(profile: KommuneProfile) -> LineChart | None:
    """Index of staffing need per service against the working-age population (base year = 100); None without a projection."""
    years = [year for year in profile.years if year >= profile.base_year]
    if len(years) < 2:
        return None
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
    return line_chart(years, lines, None, min_span=INDEX_MIN_SPAN)


def percent(rate: float) -> str:
    """A coverage rate as a percentage: 0.93 → "93 %", 0.005 → "0,5 %", 0.0002 → "0,02 %"."""
    value = rate * 100
    decimals = 0 if value >= 10 or value == int(value) else 1 if value >= 0.1 else 2
    return f"{number_format(round(value, decimals), decimal_pos=decimals)} %"


def service_rows(profile: KommuneProfile) -> tuple[list[dict], list[int]]:
    """Users and FTE per service in the key years, the rate per age group, and the working-age population."""
    key_years = profile.key_years
    persons = working_age(profile)
    labels = dict(AgeGroup.choices)
    rows = []
    for item, needs in profile.services:
        by_year = {need.year: need for need in needs}
        rows.append(
            {
                "service": item.service,
                "uses_own_rates": item.uses_own_rates,
                "sources": item.sources,
                "needs": [by_year[year] for year in key_years if year in by_year],
                "rates": [
                    {
                        "age_group": rate.age_group,
                        "label": labels.get(rate.age_group, rate.age_group),
                        "coverage": percent(rate.coverage_rate),
                        "fte_per_user": number_format(round(rate.fte_per_user, 2), decimal_pos=2),
                        "is_own": rate.is_own,
                        "source_number": item.sources.index(rate.source) + 1,
                    }
                    for rate in item.rates
                ],
            }
        )
    return rows, [persons[year] for year in key_years]


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    values: list[float | None]


def comparison_columns(profile: KommuneProfile, year: int) -> list[tuple[str, Indicators]]:
    """The kommune, its fylke and Norway, each only where its figures reach `year` from the same base year.

    Oslo is its own fylke, so it gets no second, identical column.
    """
    if str(year) not in profile.own_indicators:
        return []
    columns = [(profile.kommune.name, profile.indicators(year))]
    fylke = profile.fylke_summary
    if fylke and str(year) in fylke.indicators and profile.kommune.fylke.name != profile.kommune.name:
        columns.append((profile.kommune.fylke.name, fylke.indicators[str(year)]))
    country = profile.country_summary
    if country and str(year) in country.indicators:
        columns.append((_("Hele landet"), country.indicators[str(year)]))
    return columns


def comparison(profile: KommuneProfile, year: int) -> tuple[list[str], list[ComparisonRow]]:
    """Indicators of the kommune, its fylke and Norway side by side for one target year; empty without a projection."""
    columns = comparison_columns(profile, year)
    if len(columns) < 2:
        return [], []
    rows = [
        ComparisonRow(key, str(INDICATOR_LABELS[key]), [values.get(key) for _name, values in columns])
        for key in INDICATOR_KEYS
    ]
    return [name for name, _values in columns], rows


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
    later = CHALLENGE_YEAR if CHALLENGE_YEAR in profile.projected_years else None
    return {
        "population": profile.population,
        "base_kind": kind_label(profile, profile.base_year),
        "later_year": later,
        "later_population": total_of(profile.groups_by_year[later]) if later else None,
        "later": profile.indicators(later) if later else {},
        "base": profile.base_status,
    }


def available_csv(profile: KommuneProfile) -> tuple[str, ...]:
    """The downloads this profile has figures for: a comparison needs a projection."""
    return tuple(chart for chart in CSV_CHARTS if chart != "sammenligning" or comparison(profile, CHALLENGE_YEAR)[1])


def _decimal(value: float | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


def csv_table(profile: KommuneProfile, chart: str) -> tuple[list[str], list[list]]:
    """Header and rows of the CSV behind a chart (semicolon-separated, decimal comma)."""
    if chart == "aldersgrupper":
        header = [_("år"), _("type"), *(str(label) for _code, label in AgeGroup.choices), _("i alt")]
        return header, [[row["year"], row["kind_label"], *row["groups"], row["total"]] for row in age_rows(profile)]
    if chart == "befolkningspyramide":
        sexes = [_("menn"), _("kvinner")] if profile.pyramid_by_sex else [_("begge kjønn")]
        years = profile.pyramid_years
        header = [_("alder"), *(f"{sex} {year}" for year in years for sex in sexes)]
        return header, [[row["label"], *row["now"], *row["then"]] for row in pyramid_rows(profile)]
    if chart == "tjenester":
        persons = working_age(profile)
        header = [_("tjeneste"), _("år"), _("type"), _("brukere"), _("årsverk"), _("personer 20–66 år"), _("satser")]
        rows = [
            [
                str(item.service.name),
                need.year,
                kind_label(profile, need.year),
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
    names, _rows = comparison(profile, CHALLENGE_YEAR)
    header = [_("år"), _("indikator"), *names]
    rows = []
    for year in (y for y in TARGET_YEARS if y in profile.projected_years):
        columns, year_rows = comparison(profile, year)
        for row in year_rows:
            by_name = dict(zip(columns, row.values, strict=True))
            rows.append([year, row.label, *(_decimal(by_name.get(name)) for name in names)])
    return header, rows
