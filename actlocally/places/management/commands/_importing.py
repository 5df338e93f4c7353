"""What the import commands share: reading the files named, and printing a refusal."""

from pathlib import Path

from django.core.management.base import CommandError

from ...importers import ImportRefused


def add_problem_arguments(parser) -> None:
    parser.add_argument(
        "--all-problems",
        action="store_true",
        help="List every problem found in a refused file, not only the first 50.",
    )


def read_files(paths: list[Path]) -> list[tuple[str, bytes]]:
    files = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except OSError as e:
            raise CommandError(f"Cannot read {path}: {e.strerror or e}") from None
    return files


def refusal(command, refused: ImportRefused, *, all_problems: bool) -> CommandError:
    """Print where and what to fix on stderr; the CommandError makes the command exit with 1."""
    for line in refused.lines(limit=None if all_problems else 50):
        command.stderr.write(line)
    if refused.not_shown and not all_problems:
        command.stderr.write("Run again with --all-problems to list every one.")
    return CommandError("The file was refused: nothing was imported.")
