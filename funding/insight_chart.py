"""Geometry of the grant list's bar charts, drawn on the server as SVG like the kommune profile's charts.

Each bar has its label above it and its amount at the end of the label line, so
long office names fit on a phone (fixed viewBox, scaled to 100 % width) and no
value has to be read off an axis. The table beside the chart holds the same figures.
"""

from dataclasses import dataclass

from django.utils.formats import number_format

WIDTH = 480
ROW_HEIGHT = 40
BAR_HEIGHT = 14
LABEL_BASELINE = 14
BAR_TOP = 20
TOP = 4


@dataclass(frozen=True)
class Bar:
    label: str
    amount: str
    label_y: int
    bar_y: int
    width: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT


def nok(value: int) -> str:
    """12 500 000 kr, grouped the Norwegian way."""
    return f"{number_format(value, force_grouping=True)} kr"


def bar_chart(rows: list[tuple[str, int]]) -> BarChart | None:
    """Horizontal bars for (label, NOK), scaled to the largest; None when there is nothing to draw."""
    largest = max((value for _label, value in rows), default=0)
    if largest <= 0:
        return None
    bars = []
    for index, (label, value) in enumerate(rows):
        top = TOP + index * ROW_HEIGHT
        width = round(value / largest * WIDTH, 1)
        bars.append(
            Bar(
                label=label,
                amount=nok(value),
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                width=max(width, 1.0) if value else 0.0,
            )
        )
    return BarChart(bars=bars, height=TOP + len(rows) * ROW_HEIGHT)
