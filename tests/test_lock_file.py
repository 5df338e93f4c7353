"""The lock file installs exactly what pyproject.toml pins, and every file in it has a hash."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==([^\s;#]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {}
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["dev"]]:
        name, version = PIN.match(requirement).groups()
        pins[canonical(name)] = version
    return pins


def locked() -> dict[str, str]:
    text = (ROOT / "requirements-lock.txt").read_text()
    return {canonical(m[1]): m[2] for m in re.finditer(r"^([A-Za-z0-9._-]+)==(\S+)", text, re.M)}


def test_every_pin_in_pyproject_is_locked_at_that_version():
    lock = locked()
    assert {name: lock.get(name) for name in pyproject_pins()} == pyproject_pins()


def test_every_locked_requirement_carries_a_hash():
    blocks = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements-lock.txt").read_text())
    requirements = [b for b in blocks if PIN.match(b)]
    assert [b.split()[0] for b in requirements if "--hash=sha256:" not in b] == []
