"""What other apps do when a person is erased: each registers a callable (from its
AppConfig.ready) that erase_person calls inside its transaction, with the person still present,
e.g. the access audit turning their entries into the pseudonym."""

from collections.abc import Callable

# hook(*, person, pseudonym, by) -> int (rows changed), called in registration order.
_HOOKS: dict[str, Callable[..., int]] = {}


def register_erasure_hook(name: str, hook: Callable[..., int]) -> None:
    _HOOKS[name] = hook


def erasure_hooks() -> dict[str, Callable[..., int]]:
    return dict(_HOOKS)
