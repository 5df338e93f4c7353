"""The quality report's charts as SVG drawn on the server (no script, so nothing for the CSP to
refuse): each comparison level's match weight, and how many pairs scored each weight."""

from dataclasses import dataclass

WIDTH = 600
ROW = 22
LABEL = 260


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    negative: bool
    height: float = 16


def weights_chart(weights: list[dict]) -> dict:
    """Horizontal bars from a zero line: a level's weight (log2 Bayes factor), capped at ±20."""
    values = [w for w in weights if w.get("weight") is not None]
    span = max([abs(max(min(w["weight"], 20), -20)) for w in values] or [1]) or 1
    half = (WIDTH - LABEL) / 2
    zero = LABEL + half
    bars = []
    for i, w in enumerate(values):
        v = max(min(w["weight"], 20), -20)
        length = abs(v) / span * (half - 10)
        bars.append(
            Bar(
                label=f"{w['comparison']}: {w['level']}",
                value=w["weight"],
                x=zero - length if v < 0 else zero,
                y=i * ROW + 4,
                width=max(length, 1),
                negative=v < 0,
            )
        )
    return {"bars": bars, "height": len(bars) * ROW + 8, "zero": zero, "width": WIDTH}


def histogram_chart(histogram: list, threshold: float) -> dict:
    """Vertical bars: pairs scored at each whole match weight."""
    if not histogram:
        return {"bars": [], "height": 0, "width": WIDTH}
    top = max(n for _, n in histogram) or 1
    step = (WIDTH - 40) / len(histogram)
    height = 200
    bars = [
        Bar(
            label=f"{int(w)}",
            value=n,
            x=20 + i * step,
            y=height - n / top * (height - 20),
            width=max(step - 2, 1),
            negative=False,
            height=max(n / top * (height - 20), 1),
        )
        for i, (w, n) in enumerate(histogram)
    ]
    return {"bars": bars, "height": height + 20, "width": WIDTH, "baseline": height}
