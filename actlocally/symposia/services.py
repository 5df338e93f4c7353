"""Every write to a symposium: setting it up, join codes, contributions, merging, ranking, agreeing."""

import datetime
import hashlib
import secrets
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.models import Status
from actlocally.journey.services import record_evidence
from actlocally.partnerships.models import FocusIssue, Partnership
from actlocally.partnerships.services import set_focus_issue

from .models import (
    AgreedPriority,
    Ballot,
    Candidate,
    Contribution,
    Guest,
    JoinCode,
    Preference,
    Symposium,
)

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: codes are read off a screen across a hall and typed on phones.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6

# The journey step each kind of contribution is evidence for.
STEP_FOR_KIND = {
    Contribution.Kind.CHALLENGE: StepKey.SHARE_CHALLENGES,
    Contribution.Kind.PEOPLE_PLACES: StepKey.IDENTIFY_PEOPLE_PLACES,
    Contribution.Kind.BARRIER: StepKey.IDENTIFY_BARRIERS,
    Contribution.Kind.PERMISSION: StepKey.IDENTIFY_BARRIERS,
}

NOTHING_LEFT_TO_DO = _lazy(
    "Ranking has closed, so there is nothing left to do at this symposium. Thank you for coming."
)

SYMPOSIUM_FIELDS = {"title", "starts_at", "venue", "purpose", "invited_groups"}


def _check_length(model, field_name: str, value: str, *, form_field: str | None = None) -> str:
    """Refuse text longer than the model allows, against the form field that took it."""
    try:
        model._meta.get_field(field_name).run_validators(value)
    except ValidationError as error:
        raise ValidationError({form_field or field_name: error.messages}) from error
    return value


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _set_invitees(symposium: Symposium, invited_people, invited_organisations) -> None:
    if invited_people is not None:
        member_ids = set(symposium.partnership.memberships.values_list("person_id", flat=True))
        people = list(invited_people)
        outsiders = [p for p in people if p.pk not in member_ids]
        if outsiders:
            raise ValidationError(
                {
                    "invited_people": _(
                        "%(name)s is not a member of the partnership. Invite them to the "
                        "partnership first, or name their organisation instead."
                    )
                    % {"name": outsiders[0]}
                }
            )
        symposium.invited_people.set(people)
    if invited_organisations is not None:
        symposium.invited_organisations.set(list(invited_organisations))


def _note_if_held(symposium: Symposium, by) -> None:
    """Tick "hold a learning symposium" once it has been marked held or its start has passed."""
    if not symposium.is_held:
        return
    record_evidence(
        partnership=symposium.partnership,
        step_key=StepKey.HOLD_LEARNING_SYMPOSIUM,
        evidence_label=str(symposium),
        evidence_url=symposium.get_absolute_url(),
        on=symposium.held_on or timezone.localtime(symposium.starts_at).date(),
        by=by,
    )


def create_symposium(
    *,
    partnership: Partnership,
    title: str,
    starts_at: datetime.datetime,
    venue: str,
    purpose: str = "",
    invited_groups: Sequence[str] = (),
    invited_people: Iterable | None = None,
    invited_organisations: Iterable | None = None,
    is_illustrative: bool = False,
    by,
) -> Symposium:
    with transaction.atomic(), acting_as(by):
        symposium = Symposium(
            partnership=partnership,
            title=title,
            starts_at=starts_at,
            venue=venue,
            purpose=purpose,
            invited_groups=list(invited_groups),
            is_illustrative=is_illustrative,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        symposium.full_clean()
        symposium.save()
        _set_invitees(symposium, invited_people, invited_organisations)
        _note_if_held(symposium, by)
    return symposium


def update_symposium(
    *, symposium: Symposium, invited_people=None, invited_organisations=None, by, **fields
) -> Symposium:
    unknown = set(fields) - SYMPOSIUM_FIELDS
    if unknown:
        raise TypeError(f"update_symposium cannot change {sorted(unknown)}")
    with transaction.atomic(), acting_as(by):
        for name, value in fields.items():
            setattr(symposium, name, value)
        symposium.full_clean()
        symposium.save()
        _set_invitees(symposium, invited_people, invited_organisations)
        _note_if_held(symposium, by)
    return symposium


def mark_held(*, symposium: Symposium, on: datetime.date | None = None, by) -> Symposium:
    with transaction.atomic(), acting_as(by):
        symposium.held_on = on or timezone.localdate()
        symposium.save(update_fields=["held_on"])
        _note_if_held(symposium, by)
    return symposium


# Join codes ---------------------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def create_join_code(
    *, symposium: Symposium, expires_at: datetime.datetime | None = None, by
) -> JoinCode:
    """A fresh code for the symposium; by default it lasts until the end of the event's day."""
    expires_at = expires_at or symposium.event_day_ends_at
    if expires_at <= timezone.now():
        raise ValidationError(
            {"expires_at": _("Choose a time in the future for the code to stop working.")}
        )
    if symposium.stage not in (Symposium.Stage.COLLECTING, Symposium.Stage.RANKING):
        raise ValidationError(_("Ranking has closed: guests have nothing left to do."))
    with transaction.atomic(), acting_as(by):
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))
            if not JoinCode.objects.filter(code=code).exists():
                break
        return JoinCode.objects.create(
            symposium=symposium, code=code, expires_at=expires_at, created_by=by
        )


def end_join_code(*, join_code: JoinCode, by) -> JoinCode:
    with transaction.atomic(), acting_as(by):
        join_code.expires_at = timezone.now()
        join_code.save(update_fields=["expires_at"])
    return join_code


def check_join_code(code: str, *, symposium: Symposium | None = None) -> JoinCode:
    """The valid join code for `code`, or a ValidationError saying what is wrong with it."""
    join_code = (
        JoinCode.objects.select_related("symposium__partnership")
        .filter(code=normalise_code(code))
        .first()
    )
    if join_code is None:
        raise ValidationError(
            _("We do not recognise that code. Check it against the code shown at the event.")
        )
    if symposium is not None and join_code.symposium_id != symposium.pk:
        raise ValidationError(_("That code is for a different symposium."))
    if not join_code.is_valid():
        raise ValidationError(
            _("That code has expired. Ask the co-ordinator at the event for a new code.")
        )
    return join_code


# Guests -------------------------------------------------------------------------------------------


def join_as_guest(
    *, join_code: JoinCode, display_name: str, role_type: str, token: str | None = None
) -> tuple[Guest, str]:
    """Join a symposium from a device. A device that joined before (its token) stays one guest,
    so joining again with a new code does not give it a second ballot."""
    join_code = check_join_code(join_code.code, symposium=join_code.symposium)
    if not join_code.symposium.has_something_for_guests:
        raise ValidationError(NOTHING_LEFT_TO_DO)
    with transaction.atomic():
        guest = (
            Guest.objects.filter(token_hash=_hash(token), symposium=join_code.symposium).first()
            if token
            else None
        )
        if guest is None:
            token = secrets.token_urlsafe(32)
            guest = Guest(symposium=join_code.symposium, token_hash=_hash(token))
        guest.join_code = join_code
        guest.display_name = display_name.strip()
        guest.role_type = role_type
        guest.full_clean(exclude=["token_hash"])
        guest.save()
    return guest, token


def guest_for_token(token: str | None) -> Guest | None:
    """The guest a device token belongs to, while the code they joined with still works."""
    if not token:
        return None
    guest = (
        Guest.objects.select_related("join_code", "symposium__partnership")
        .filter(token_hash=_hash(token))
        .first()
    )
    if guest is None or guest.join_code is None or not guest.join_code.is_valid():
        return None
    return guest


def _check_guest(guest: Guest, symposium: Symposium) -> None:
    if guest.symposium_id != symposium.pk:
        raise ValidationError(_("You joined a different symposium. Enter this symposium's code."))
    if guest.join_code is None or not guest.join_code.is_valid():
        raise ValidationError(
            _("Your code has expired. Ask the co-ordinator at the event for a new code.")
        )


def forget_guest_names(*, before: datetime.datetime) -> int:
    """Erase the names guests typed at symposia that started before `before`."""
    return (
        Guest.objects.filter(symposium__starts_at__lt=before)
        .exclude(display_name="")
        .update(display_name="")
    )


# Contributions ------------------------------------------------------------------------------------


def add_contribution(
    *, symposium: Symposium, kind: str, text: str, guest: Guest | None = None, by=None
) -> Contribution:
    """Record what an attendee said. `by` is the signed-in member, or None for a guest."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write your contribution.")})
    if symposium.stage != Symposium.Stage.COLLECTING:
        raise ValidationError(
            _("Contributions have closed: the co-ordinator has opened the ranking.")
        )
    if guest is not None:
        _check_guest(guest, symposium)
    member = by if guest is None and getattr(by, "is_authenticated", False) else None
    if guest is None and member is None:
        raise ValidationError(_("Sign in or join with the event's code to contribute."))
    with transaction.atomic(), acting_as(by):
        contribution = Contribution(
            symposium=symposium, kind=kind, text=text, member=member, guest=guest
        )
        contribution.full_clean()
        contribution.save()
        record_evidence(
            partnership=symposium.partnership,
            step_key=STEP_FOR_KIND[kind],
            evidence_label=_("Being collected at %(symposium)s") % {"symposium": symposium},
            evidence_url=symposium.get_absolute_url(),
            on=timezone.localdate(contribution.created_at),
            status=Status.IN_PROGRESS,
            by=by,
        )
        _note_if_held(symposium, by)
    return contribution


def remove_contribution(*, contribution: Contribution, by) -> None:
    with transaction.atomic(), acting_as(by):
        contribution.delete()


# Candidate priorities -----------------------------------------------------------------------------


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
            description=_check_length(Candidate, "description", description.strip()),
        )
        for c in chosen:
            c.candidate = candidate
            c.save(update_fields=["candidate"])
    return candidate


def update_candidate(*, candidate: Candidate, title: str, description: str, by) -> Candidate:
    _check_can_change_candidates(candidate.symposium)
    with transaction.atomic(), acting_as(by):
        candidate.title = _check_title_free(candidate.symposium, title, exclude=candidate)
        candidate.description = _check_length(Candidate, "description", description.strip())
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


# Ranking ------------------------------------------------------------------------------------------


def open_ranking(*, symposium: Symposium, by) -> Symposium:
    if symposium.stage != Symposium.Stage.COLLECTING:
        raise ValidationError(_("Ranking can only open once, after contributions are collected."))
    if symposium.candidates.count() < 2:
        raise ValidationError(
            _("Merge the challenges into at least two candidate priorities before ranking opens.")
        )
    with transaction.atomic(), acting_as(by):
        symposium.stage = Symposium.Stage.RANKING
        symposium.ranking_opened_at = timezone.now()
        symposium.save(update_fields=["stage", "ranking_opened_at"])
        kinds = set(symposium.contributions.values_list("kind", flat=True))
        for kind in kinds:
            record_evidence(
                partnership=symposium.partnership,
                step_key=STEP_FOR_KIND[kind],
                evidence_label=_("Collected at %(symposium)s") % {"symposium": symposium},
                evidence_url=symposium.get_absolute_url(),
                on=timezone.localtime(symposium.starts_at).date(),
                by=by,
            )
        _note_if_held(symposium, by)
    return symposium


def close_ranking(*, symposium: Symposium, by) -> Symposium:
    if symposium.stage != Symposium.Stage.RANKING:
        raise ValidationError(_("Ranking is not open."))
    with transaction.atomic(), acting_as(by):
        symposium.stage = Symposium.Stage.COUNTED
        symposium.ranking_closed_at = timezone.now()
        symposium.save(update_fields=["stage", "ranking_closed_at"])
    return symposium


def has_voted(*, symposium: Symposium, by=None, guest: Guest | None = None) -> bool:
    if guest is not None:
        return Ballot.objects.filter(guest=guest).exists()
    if getattr(by, "is_authenticated", False):
        return Ballot.objects.filter(symposium=symposium, member=by).exists()
    return False


def cast_ballot(
    *,
    symposium: Symposium,
    ranking: Sequence[Candidate],
    guest: Guest | None = None,
    by=None,
    cast_at: datetime.datetime | None = None,
) -> Ballot:
    """Record one ranking, most urgent first. A partial ranking is allowed; a second is not."""
    if symposium.stage != Symposium.Stage.RANKING:
        raise ValidationError(_("Ranking is not open."))
    if guest is not None:
        _check_guest(guest, symposium)
    member = by if guest is None and getattr(by, "is_authenticated", False) else None
    if guest is None and member is None:
        raise ValidationError(_("Sign in or join with the event's code to rank."))
    if not ranking:
        raise ValidationError(_("Rank at least one priority."))
    ids = [c.pk for c in ranking]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Rank each priority only once."))
    if any(c.symposium_id != symposium.pk for c in ranking):
        raise ValidationError(_("Rank the priorities of this symposium."))
    if has_voted(symposium=symposium, by=member, guest=guest):
        raise ValidationError(_("You have already ranked the priorities. Each person ranks once."))
    try:
        with transaction.atomic(), acting_as(by):
            ballot = Ballot.objects.create(symposium=symposium, member=member, guest=guest)
            if cast_at is not None:  # the demo back-dates its illustrative ballots
                Ballot.objects.filter(pk=ballot.pk).update(cast_at=cast_at)
            Preference.objects.bulk_create(
                Preference(ballot=ballot, candidate=c, place=n)
                for n, c in enumerate(ranking, start=1)
            )
            _note_if_held(symposium, by)
    except IntegrityError as error:  # two submissions at once: the constraint keeps one
        raise ValidationError(
            _("You have already ranked the priorities. Each person ranks once.")
        ) from error
    return ballot


# Agreeing priorities ------------------------------------------------------------------------------


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def agree_priorities(
    *,
    symposium: Symposium,
    priorities: Sequence[Candidate],
    reason: str = "",
    focus_starts_on: datetime.date | None = None,
    agreed_at: datetime.datetime | None = None,
    by,
) -> list[AgreedPriority]:
    """The partnership agrees up to three focus priorities, most urgent first. The first becomes
    the active focus issue (or is linked to it, if it already is the focus issue). A reason is
    required when the order differs from the count or the count had a tie among the first three."""
    from .selectors import result_for

    if symposium.stage != Symposium.Stage.COUNTED:
        raise ValidationError(_("Close the ranking before agreeing the priorities."))
    chosen = list(priorities)
    if not 1 <= len(chosen) <= 3:
        raise ValidationError({"first": _("Choose one, two or three priorities.")})
    if len({c.pk for c in chosen}) != len(chosen):
        raise ValidationError(_("Choose a different priority for each place."))
    if any(c.symposium_id != symposium.pk for c in chosen):
        raise ValidationError(_("Choose priorities from this symposium."))
    result = result_for(symposium)
    reason = _check_length(Symposium, "agreement_reason", reason.strip(), form_field="reason")
    if not reason and result.top_tied(3):
        raise ValidationError(
            {
                "reason": _(
                    "The count has a tie among the first three. Say why you chose this order."
                )
            }
        )
    if not reason and result.top_ids(len(chosen)) != [c.pk for c in chosen]:
        raise ValidationError(
            {"reason": _("Your order differs from the count. Say why the partnership chose it.")}
        )
    positions = {row.candidate.pk: row.position for row in result.borda_rows}
    with transaction.atomic(), acting_as(by):
        agreed = [
            AgreedPriority.objects.create(
                symposium=symposium,
                candidate=c,
                urgency=n,
                title=c.title,
                result_position=positions.get(c.pk),
            )
            for n, c in enumerate(chosen, start=1)
        ]
        first = agreed[0]
        current = FocusIssue.objects.filter(
            partnership=symposium.partnership, status=FocusIssue.Status.ACTIVE
        ).first()
        if current is not None and _same_title(current.title, first.title):
            first.focus_issue = current
        else:
            first.focus_issue = set_focus_issue(
                partnership=symposium.partnership,
                title=first.title,
                summary=first.candidate.description
                or _("Agreed as the most urgent priority at %(symposium)s, %(date)s.")
                % {
                    "symposium": symposium,
                    "date": formats.date_format(timezone.localtime(symposium.starts_at), "j F Y"),
                },
                started_on=focus_starts_on or timezone.localdate(),
                by=by,
            )
        first.save(update_fields=["focus_issue"])
        symposium.stage = Symposium.Stage.AGREED
        symposium.agreed_at = agreed_at or timezone.now()
        symposium.agreed_by = by if getattr(by, "is_authenticated", False) else None
        symposium.agreement_reason = reason
        symposium.save(update_fields=["stage", "agreed_at", "agreed_by", "agreement_reason"])
        record_evidence(
            partnership=symposium.partnership,
            step_key=StepKey.AGREE_THREE_PRIORITIES,
            evidence_label="; ".join(a.title for a in agreed),
            evidence_url=reverse(
                "symposium_results", kwargs={"slug": symposium.partnership.slug, "pk": symposium.pk}
            ),
            on=timezone.localdate(symposium.agreed_at),
            status=Status.DONE if len(agreed) == 3 else Status.IN_PROGRESS,
            by=by,
        )
        _note_if_held(symposium, by)
    return agreed
