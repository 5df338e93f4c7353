"""Every write to a symposium: setting it up, join codes, contributions, merging, ranking, agreeing.

One module per part of the symposium's life; every name is importable from here, as it was when
this was one file (`from actlocally.symposia import services`)."""

from .agreeing import agree_priorities
from .candidates import delete_candidate, merge_challenges, split_candidate, update_candidate
from .common import NOTHING_LEFT_TO_DO, STEP_FOR_KIND
from .contributions import add_contribution, remove_contribution
from .guests import (
    CODE_ALPHABET,
    CODE_LENGTH,
    GUEST_NAMES,
    GUEST_NOTICE,
    check_join_code,
    create_join_code,
    end_join_code,
    forget_guest_names,
    guest_for_token,
    join_as_guest,
    normalise_code,
)
from .ranking import cast_ballot, close_ranking, has_voted, open_ranking
from .setup import SYMPOSIUM_FIELDS, create_symposium, mark_held, update_symposium

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "GUEST_NAMES",
    "GUEST_NOTICE",
    "NOTHING_LEFT_TO_DO",
    "STEP_FOR_KIND",
    "SYMPOSIUM_FIELDS",
    "add_contribution",
    "agree_priorities",
    "cast_ballot",
    "check_join_code",
    "close_ranking",
    "create_join_code",
    "create_symposium",
    "delete_candidate",
    "end_join_code",
    "forget_guest_names",
    "guest_for_token",
    "has_voted",
    "join_as_guest",
    "mark_held",
    "merge_challenges",
    "normalise_code",
    "open_ranking",
    "remove_contribution",
    "split_candidate",
    "update_candidate",
    "update_symposium",
]
