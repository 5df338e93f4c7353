"""Text that must stay on one line: names, titles, email subjects."""

import re

# C0 and C1 control characters (line breaks, tabs, NUL…) and Unicode's line/paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def single_line(value: str) -> str:
    """`value` with every run of control characters turned into one space, ends trimmed."""
    return CONTROL_CHARACTERS.sub(" ", value).strip()
