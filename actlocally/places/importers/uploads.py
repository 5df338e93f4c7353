"""One upload (or one command) of several files of a kind, imported all or nothing."""

from django.db import transaction

from .base import ImportRefused, ImportResult
from .boundaries import import_boundaries
from .deprivation import import_deprivation
from .lookups import import_lookup
from .schools import import_schools

KINDS = ("deprivation", "geography", "schools")


def is_geojson(name: str) -> bool:
    return name.lower().endswith((".geojson", ".json"))


def import_files(
    *,
    kind: str,
    files: list[tuple[str, bytes]],
    release_key: str = "",
    year: int | None = None,
    geography: str = "",
    by=None,
) -> list[ImportResult]:
    """Import every file of one upload in one transaction: if any file is refused, none is kept,
    and the refusal lists the problems of every file that has any."""
    if kind == "deprivation":
        return [
            import_deprivation(
                release_key=release_key,
                year=year if year is not None else int(release_key[-4:]),
                geography=geography,
                files=files,
                by=by,
            )
        ]
    results, problems = [], []
    with transaction.atomic():
        for name, data in files:
            if kind == "schools":
                importer = import_schools
            else:
                importer = import_boundaries if is_geojson(name) else import_lookup
            try:
                results.append(importer(source=data, name=name, by=by))
            except ImportRefused as refused:
                problems.append(refused)
        if problems:
            # Leaving the block by an exception rolls back the files that were good.
            raise ImportRefused(
                [e for p in problems for e in p.errors], more=sum(p.more for p in problems)
            )
    return results
