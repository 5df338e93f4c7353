#!/usr/bin/env python
"""`make bench`: measures the speed targets the issues name, on a fresh database with the demo.

Prints one `bench: NAME VALUE UNIT` line per figure and writes them, with their targets, to
docs/benchmarks.md. Benchmarks live in actlocally/bench/; each registers itself with @benchmark.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="actlocally-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["ACTLOCALLY_DEMO"] = "1"
    os.environ["ACTLOCALLY_PLAIN_STATIC"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actlocally.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)

    from actlocally.bench import run_all, write_report

    results = run_all(only=set(sys.argv[1:]) or None)
    for r in results:
        print(f"bench: {r.name} {r.value:.3f} {r.unit}", flush=True)
    write_report(results, ROOT / "docs" / "benchmarks.md")


if __name__ == "__main__":
    main()
