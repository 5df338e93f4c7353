"""Candidate priorities: challenges merged under one title, changed, split or removed."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from ..models import Candidate, Contribution, Symposium
from .common import check_length


def _check_can_change_candidates(symposium: Symposium) -> None:
    if symposium.stage != Symposium.Stage.COLLECTING:
        raise ValidationError(_("Ranking has opened: candidate priorities can no longer change."))


def _check_title_free(symposium: Symposium, title: str, exclude: Candidate | None = None) -> str:
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the candidate priority a title.")})
    clash = symposium.candidates.filter(title__iexact=title)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise ValidationError(
            {
                "title": _("There is already a candidate priority called “%(title)s”.")
                % {"title": title}
            }
        )
    return title


def _challenges_of(symposium: Symposium, challenges: Iterable[Contribution]) -> list[Contribution]:
    chosen = list(challenges)
    if not chosen:
        raise ValidationError({"challenges": _("Select at least one challenge.")})
    for c in chosen:
        if c.symposium_id != symposium.pk or c.kind != Contribution.Kind.CHALLENGE:
            raise ValidationError({"challenges": _("Select challenges from this symposium.")})
    return chosen


def merge_challenges(
    *,
    symposium: Symposium,
    challenges: Iterable[Contribution],
    title: str,
    description: str = "",
    by,
) -> Candidate:
    """Merge several challenges (often the same one in different words) into one candidate
    priority. Each challenge keeps its link to the candidate, so the originals stay visible."""
    _check_can_change_candidates(symposium)
    chosen = _challenges_of(symposium, challenges)
    with transaction.atomic(), acting_as(by):
        candidate = Candidate.objects.create(
            symposium=symposium,
            title=_check_title_free(symposium, title),
            description=check_length(Candidate, "description", description.strip()),
        )
        for c in chosen:
            c.candidate = candidate
            c.save(update_fields=["candidate"])
    return candidate


def update_candidate(*, candidate: Candidate, title: str, description: str, by) -> Candidate:
    _check_can_change_candidates(candidate.symposium)
    with transaction.atomic(), acting_as(by):
        candidate.title = _check_title_free(candidate.symposium, title, exclude=candidate)
        candidate.description = check_length(Candidate, "description", description.strip())
        candidate.save(update_fields=["title", "description"])
    return candidate


def split_candidate(
    *, candidate: Candidate, challenges: Iterable[Contribution], title: str, by
) -> Candidate:
    """Move some of a candidate's challenges into a new candidate of their own."""
    symposium = candidate.symposium
    _check_can_change_candidates(symposium)
    chosen = _challenges_of(symposium, challenges)
    if any(c.candidate_id != candidate.pk for c in chosen):
        raise ValidationError({"challenges": _("Select challenges from this candidate.")})
    if len(chosen) == candidate.challenges.count():
        raise ValidationError(
            {"challenges": _("Leave at least one challenge in “%(title)s”.") % {"title": candidate}}
        )
    return merge_challenges(symposium=symposium, challenges=chosen, title=title, by=by)


def delete_candidate(*, candidate: Candidate, by) -> None:
    """Remove a candidate; its challenges go back to the unmerged list."""
    _check_can_change_candidates(candidate.symposium)
    with transaction.atomic(), acting_as(by):
        candidate.challenges.update(candidate=None)
        candidate.delete()
