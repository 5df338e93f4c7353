"""Rankings of wards and LSOAs by a measure, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q, Sum
from django.utils.translation import gettext as _

from ..measures import MEASURES
from ..models import Deprivation, Release
from .releases import decile_of


@dataclass
class Row:
    code: str
    name: str
    score: float | None
    population: int | None
    lsoas: int
    lsoas_in_decile_1: int
    decile: int | None = None
    rank: int = 0
    ward: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def share_in_decile_1(self) -> float:
        return self.lsoas_in_decile_1 / self.lsoas if self.lsoas else 0.0


def _scale(release: Release, measure: str) -> str:
    """Which number stands for the measure: its score, or (when the release publishes no
    score) the national rank, where lower means more deprived."""
    return "score" if release.has_scores(measure) else "rank"


def ward_rows(release: Release, measure: str, la_code: str | None) -> list[Row]:
    """Each ward's population-weighted mean of the measure over its LSOAs (IoD2019 File 6
    populations as weights; a plain mean where the release has no populations), its LSOAs and how
    many are in the most deprived national decile. One query."""
    scale = _scale(release, measure)
    values = Deprivation.objects.filter(release=release, lsoa__ward__isnull=False)
    if la_code:
        values = values.filter(lsoa__ward__la_code=la_code)
    rows = (
        values.values("lsoa__ward__code", "lsoa__ward__name")
        .annotate(
            weighted=Sum(F(f"{measure}_{scale}") * F("population")),
            pop=Sum("population"),
            mean=Avg(f"{measure}_{scale}"),
            n=Count("pk"),
            d1=Count("pk", filter=Q(**{f"{measure}_decile": 1})),
        )
        .order_by()
    )
    result = []
    for r in rows:
        score = r["weighted"] / r["pop"] if r["pop"] and r["weighted"] is not None else r["mean"]
        result.append(
            Row(
                code=r["lsoa__ward__code"],
                name=r["lsoa__ward__name"],
                score=score,
                population=r["pop"],
                lsoas=r["n"],
                lsoas_in_decile_1=r["d1"],
                decile=decile_of(release, measure, score) if scale == "score" else None,
            )
        )
    return result


def lsoa_rows(release: Release, measure: str, la_code: str | None) -> list[Row]:
    """Each LSOA of the local authority, or of England when `la_code` is None. One query."""
    scale = _scale(release, measure)
    values = Deprivation.objects.filter(release=release)
    if la_code is not None:
        values = values.filter(lsoa__la_code=la_code)
    rows = values.values_list(
        "lsoa__code",
        "lsoa__name",
        f"{measure}_{scale}",
        f"{measure}_decile",
        "population",
        "lsoa__ward__name",
    ).order_by()
    return [
        Row(
            code=code,
            name=name,
            score=score,
            population=population,
            lsoas=1,
            lsoas_in_decile_1=int(decile == 1),
            decile=decile,
            ward=ward or "",
        )
        for code, name, score, decile, population, ward in rows
    ]


SORTS = {"score", "share", "population", "name"}


def ranking(
    release: Release, measure: str, level: str, la_code: str | None, sort: str = "score"
) -> list[Row]:
    """Rows ranked from most to least deprived; `sort` changes only the order shown."""
    rows = (
        ward_rows(release, measure, la_code)
        if level == "ward"
        else lsoa_rows(release, measure, la_code)
    )
    by_score = _scale(release, measure) == "score"

    def depth(row):
        if row.score is None:
            return float("inf")
        return -row.score if by_score else row.score

    rows.sort(key=lambda r: (depth(r), -r.share_in_decile_1, r.code))
    for n, row in enumerate(rows, start=1):
        row.rank = n
    if sort == "share":
        rows.sort(key=lambda r: (-r.share_in_decile_1, r.rank))
    elif sort == "population":
        rows.sort(key=lambda r: (-(r.population or 0), r.rank))
    elif sort == "name":
        rows.sort(key=lambda r: r.name)
    return rows


def measure_choices(release: Release | None) -> list[tuple[str, str]]:
    if release is None:
        return []
    ranked = set(release.summary.get("ranked", []))
    return [(m.key, str(m.label)) for m in MEASURES if m.key in ranked]


def score_label(release: Release, measure: str) -> str:
    if _scale(release, measure) == "score":
        return _("Average score (higher is more deprived)")
    return _("Average national rank (lower is more deprived; this release has no domain scores)")


# Areas of focus ----------------------------------------------------------------------------------
