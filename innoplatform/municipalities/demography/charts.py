"""Geometry of the server-rendered SVG charts; templates only draw what is computed here.

Charts are drawn on the server because the CSP forbids inline scripts and the
pages must work offline and on phones (fixed viewBox, scaled to 100 % width).
Series are told apart by colour, marker shape and a legend in HTML (which stays
readable on a phone); projected values are dashed, right of a divider at the base year.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

WIDTH = 480
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 26, 36
MARKERS = ("circle", "square", "triangle", "diamond", "cross")


def marker_path(shape: str, x: float, y: float) -> str:
    """SVG path data of a marker centred on (x, y); shapes tell series apart without colour."""
    if shape == "circle":
        return f"M{x - 4:.1f} {y:.1f}a4 4 0 1 0 8 0a4 4 0 1 0 -8 0z"
    if shape == "square":
        return f"M{x - 3.5:.1f} {y - 3.5:.1f}h7v7h-7z"
    if shape == "triangle":
        return f"M{x:.1f} {y - 4.5:.1f}l4.5 8h-9z"
    if shape == "diamond":
        return f"M{x:.1f} {y - 5:.1f}l5 5l-5 5l-5-5z"
    return f"M{x - 4:.1f} {y - 4:.1f}l8 8m0-8l-8 8"


@dataclass
class LineSeries:
    label: str
    index: int
    solid: str
    dashed: str
    points: list[tuple[float, float]]

    @property
    def shape(self) -> str:
        return MARKERS[self.index % len(MARKERS)]

    @property
    def markers(self) -> list[str]:
        return [marker_path(self.shape, x, y) for x, y in self.points]

    @property
    def legend_marker(self) -> str:
        """The marker for the legend swatch (viewBox 0 0 32 12)."""
        return marker_path(self.shape, 16, 6)


@dataclass
class LineChart:
    series: list[LineSeries]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    divider_x: float | None
    before_label: str = ""
    after_label: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_right: float = WIDTH - RIGHT
    plot_bottom: float = HEIGHT - BOTTOM
    projection_width: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        if self.divider_x is not None:
            self.projection_width = self.plot_right - self.divider_x

    @property
    def plot_height(self) -> float:
        return self.plot_bottom - self.top


def nice_ticks(low: float, high: float, count: int = 5, min_span: float = 1) -> list[float]:
    """Round tick values covering low..high, like 80, 100, 120; a flat series is widened to `min_span`."""
    if high - low < min_span:
        middle = (high + low) / 2
        low, high = middle - min_span / 2, middle + min_span / 2
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.001:
        ticks.append(round(value, 6))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 6))
    return ticks


def tick_label(value: float, step: float) -> str:
    """A tick in Norwegian notation, with a decimal only where the step needs one."""
    return number_format(value, decimal_pos=0 if step >= 1 else 1, force_grouping=True)


def line_chart(
    years: list[int],
    lines: list[tuple[str, dict[int, float]]],
    divider_year: int | None,
    *,
    min_span: float = 1,
    labels: tuple[str, str] = ("", ""),
) -> LineChart:
    """Lines over years; points after `divider_year` are drawn dashed as projections.

    `labels` name the parts left and right of the divider; `min_span` keeps a
    nearly flat index from being stretched into a steep line (100, 100, 101 …).
    """
    values = [v for _, points in lines for v in points.values()]
    ticks = nice_ticks(min(values), max(values), min_span=min_span) if values else [0, 1]
    x0, x1 = LEFT, WIDTH - RIGHT
    y0, y1 = HEIGHT - BOTTOM, TOP
    first, last = years[0], years[-1]

    def x(year: int) -> float:
        return round(x0 + (year - first) / max(last - first, 1) * (x1 - x0), 1)

    def y(value: float) -> float:
        return round(y0 - (value - ticks[0]) / (ticks[-1] - ticks[0]) * (y0 - y1), 1)

    series = []
    for index, (label, points) in enumerate(lines):
        present = [year for year in years if year in points]
        if not present:
            continue
        solid = [yr for yr in present if divider_year is None or yr <= divider_year]
        dashed = [yr for yr in present if divider_year is not None and yr >= divider_year]
        marker_years = [yr for yr in present if yr % 5 == 0 or yr in (present[0], present[-1])]
        series.append(
            LineSeries(
                label=label,
                index=index,
                solid=" ".join(f"{x(yr)},{y(points[yr])}" for yr in solid),
                dashed=" ".join(f"{x(yr)},{y(points[yr])}" for yr in dashed),
                points=[(x(yr), y(points[yr])) for yr in marker_years],
            )
        )
    step = 5 if last - first > 12 else 2 if last - first > 5 else 1
    labelled = [year for year in years if year % step == 0]
    if not labelled or labelled[0] - first >= 3:
        labelled.insert(0, first)  # the base year of a chart that starts off the grid, e.g. 2026
    elif labelled[0] != first:
        labelled[0] = first  # 2024 rather than a crowded 2024 and 2025
    x_ticks = [(x(year), str(year)) for year in labelled]
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    y_ticks = [(y(value), tick_label(value, step)) for value in ticks]
    divider = x(divider_year) if divider_year is not None and first < divider_year < last else None
    return LineChart(series, x_ticks, y_ticks, divider, *labels)


def index_series(values: dict[int, float], base_year: int) -> dict[int, float]:
    """Values as an index with the base year = 100 (empty if the base is zero or missing)."""
    base = values.get(base_year)
    if not base:
        return {}
    return {year: round(value / base * 100, 1) for year, value in values.items()}


@dataclass
class PyramidRow:
    label: str
    y: float
    bars: list[tuple[str, float, float, float]]  # (css class, x, y, width)


@dataclass
class Pyramid:
    rows: list[PyramidRow]
    by_sex: bool
    center: float
    x_ticks: list[tuple[float, str, bool]]
    """(x, label, minor): minor ticks lose their label on a phone, where the labels would touch."""
    height: int
    left: int
    right: float
    compares: bool
    width: int = WIDTH

    @property
    def label_dy(self) -> int:
        """Moves a row's label to the middle of its one or two bars."""
        return 17 if self.compares else 10


def pyramid(
    groups: list[tuple[str, str]],
    now: dict[str, dict[str, int]],
    then: dict[str, dict[str, int]] | None,
    by_sex: bool,
) -> Pyramid:
    """Bars per age band, oldest on top: now (solid) and, where given, then (hatched), by sex where available.

    `now`/`then` map sex ("M", "K" or "T") to persons per band code; labels are
    kept short ("85–89", "90+") so they stay readable when a phone scales the chart down.
    """
    left, right = 64, WIDTH - 28
    sexes = ("M", "K") if by_sex else ("T",)
    years = [now] if then is None else [now, then]
    largest = max([data[s].get(g, 0) for data in years for s in sexes for g, _ in groups] + [1])
    ticks = nice_ticks(0, largest, 3)
    half = (right - left) / 2 if by_sex else right - left
    center = left + half if by_sex else left
    scale = half / ticks[-1]
    row_height = 26 if then is not None else 16
    if len(groups) <= 10:
        row_height += 8
    rows = []
    for position, (code, label) in enumerate(reversed(groups)):
        top = 28 + position * row_height
        bars = []
        for sex in sexes:
            for css, data, offset in (("now", now, 0), ("then", then, 13)):
                if data is None:
                    continue
                length = round(data[sex].get(code, 0) * scale, 1)
                start = center - length if sex == "M" else center
                bars.append((f"chart-bar--{css}", start, top + offset, length))
        rows.append(PyramidRow(label, top, bars))
    x_ticks = []
    for position, value in enumerate(ticks):
        text = number_format(value, decimal_pos=0, force_grouping=True)
        minor = position % 2 == 1
        x_ticks.append((round(center + value * scale, 1), text, minor))
        if by_sex and value:
            x_ticks.append((round(center - value * scale, 1), text, minor))
    height = 28 + len(groups) * row_height + 24
    return Pyramid(rows, by_sex, center, x_ticks, height=height, left=left, right=right, compares=then is not None)
