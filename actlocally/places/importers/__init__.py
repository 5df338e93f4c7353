"""Importers for open data files: deprivation releases, geography lookups, boundaries, schools.

Each reads its columns by header name, checks every row first and writes nothing unless the whole
file is good (`ImportRefused` lists what to fix, by row and column).
"""

from .base import ImportRefused, ImportResult, RowError
from .boundaries import import_boundaries
from .deprivation import carry_populations, import_deprivation
from .lookups import import_lookup
from .schools import import_schools
from .uploads import import_files

__all__ = [
    "ImportRefused",
    "ImportResult",
    "RowError",
    "carry_populations",
    "import_boundaries",
    "import_deprivation",
    "import_files",
    "import_lookup",
    "import_schools",
]
