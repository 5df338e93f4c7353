"""Every write to partnerships: keyword arguments, the acting person, one transaction, audited."""

import datetime
import hashlib
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actlocally.authorization import forget_roles
from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.notifications.models import Kind
from actlocally.notifications.services import notify

from .models import (
    Board,
    BoardMembership,
    EarlyImpact,
    FocusIssue,
    IntendedOutcome,
    Invitation,
    LocalAuthority,
    Membership,
    Partnership,
    TimelineEvent,
)

VOICE_ROLES = {Membership.Role.COMMUNITY_REP, Membership.Role.YOUNG_PERSON}


def _tick_named_partners(
    partnership: Partnership, *, on: datetime.date, named=("backbone", "research_partner"), by
) -> None:
    """Tick the steps the partnership's own record evidences, dated `on`: the day it began (on
    creation) or the day a partner was named (on a change)."""
    if "backbone" in named and partnership.backbone_id:
        record_evidence(
            partnership=partnership,
            step_key=StepKey.IDENTIFY_BACKBONE,
            evidence_label=_("Backbone organisation: %(name)s") % {"name": partnership.backbone},
            evidence_url=partnership.get_absolute_url(),
            on=on,
            by=by,
        )
    if "research_partner" in named and partnership.research_partner_id:
        record_evidence(
            partnership=partnership,
            step_key=StepKey.IDENTIFY_RESEARCH_PARTNER,
            evidence_label=_("Research partner: %(name)s") % {"name": partnership.research_partner},
            evidence_url=partnership.get_absolute_url(),
            on=on,
            by=by,
        )
    # The board's backing is ticked once, from the first day the partnership had it.
    board = getattr(partnership.local_authority, "board", None)
    if (
        board is not None
        and board.memberships.exists()
        and not partnership.journey_progress.filter(
            step__key=StepKey.BUILD_STRATEGIC_COALITION
        ).exists()
    ):
        record_evidence(
            partnership=partnership,
            step_key=StepKey.BUILD_STRATEGIC_COALITION,
            evidence_label=str(board),
            evidence_url=partnership.local_authority.get_absolute_url(),
            on=on,
            by=by,
        )


def set_up_local_authority(
    *, code: str, name: str, board_name: str, backbone, purpose: str = "", by
) -> LocalAuthority:
    """A local authority joins Act Locally with its strategic partnership board and backbone."""
    with transaction.atomic(), acting_as(by):
        la = LocalAuthority(code=code, name=name)
        la.full_clean()
        la.save()
        Board.objects.create(
            local_authority=la, name=board_name, backbone=backbone, purpose=purpose
        )
    return la


def add_board_member(*, board, person, role: str, organisation=None, by) -> BoardMembership:
    with transaction.atomic(), acting_as(by):
        membership, _created = BoardMembership.objects.update_or_create(
            board=board, person=person, defaults={"role": role, "organisation": organisation}
        )
    forget_roles(person)
    return membership


def unique_slug(name: str) -> str:
    base = slugify(name)[:40] or "partnership"
    slug, n = base, 2
    while Partnership.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_partnership(
    *,
    local_authority,
    name: str,
    area_name: str,
    backbone,
    research_partner=None,
    area_description: str = "",
    summary: str = "",
    slug: str = "",
    is_public: bool = True,
    began_on: datetime.date | None = None,
    by,
) -> Partnership:
    """Set up a partnership. `began_on` is the day it began, when that was before it came onto
    the platform: the journey steps its record evidences are dated from it."""
    if began_on is not None and began_on > timezone.localdate():
        raise ValidationError({"began_on": _("The day it began must be today or earlier.")})
    with transaction.atomic(), acting_as(by):
        partnership = Partnership(
            local_authority=local_authority,
            name=name,
            slug=slug or unique_slug(name),
            area_name=area_name,
            area_description=area_description,
            summary=summary,
            backbone=backbone,
            research_partner=research_partner,
            is_public=is_public,
        )
        partnership.full_clean()
        partnership.save()
        _tick_named_partners(partnership, on=began_on or timezone.localdate(), by=by)
    return partnership


def update_partnership(*, partnership: Partnership, by, **fields) -> Partnership:
    allowed = {
        "name",
        "area_name",
        "area_description",
        "summary",
        "backbone",
        "research_partner",
        "is_public",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"update_partnership cannot change {sorted(unknown)}")
    with transaction.atomic(), acting_as(by):
        named = {
            name
            for name in ("backbone", "research_partner")
            if name in fields and fields[name] != getattr(partnership, name)
        }
        for name, value in fields.items():
            setattr(partnership, name, value)
        partnership.full_clean()
        partnership.save()
        # Only a partner named now is dated today: an unchanged one keeps the day it was named.
        _tick_named_partners(partnership, on=timezone.localdate(), named=named, by=by)
    return partnership


def set_public_contact(*, partnership: Partnership, public_contact: str, by) -> Partnership:
    """The email, phone number or web address the public page gives residents and parents."""
    with transaction.atomic(), acting_as(by):
        partnership.public_contact = public_contact.strip()
        partnership.full_clean()
        partnership.save(update_fields=["public_contact"])
    return partnership


def set_partner_organisations(*, partnership: Partnership, organisations: Iterable, by) -> None:
    with transaction.atomic(), acting_as(by):
        partnership.partner_organisations.set(list(organisations))


def add_member(
    *, partnership: Partnership, person, role: str, organisation=None, joined_on=None, by
) -> Membership:
    """Seat a person in the partnership, or change their role if they already have a seat."""
    with transaction.atomic(), acting_as(by):
        membership, _created = Membership.objects.update_or_create(
            partnership=partnership,
            person=person,
            defaults={
                "role": role,
                "organisation": organisation,
                **({"joined_on": joined_on} if joined_on else {}),
            },
        )
        if role in VOICE_ROLES:
            record_evidence(
                partnership=partnership,
                step_key=StepKey.ESTABLISH_CONVENING_PARTNERSHIP,
                evidence_label=_("Members include community voices"),
                evidence_url=reverse("members", kwargs={"slug": partnership.slug}),
                on=membership.joined_on,
                by=by,
            )
    forget_roles(person)
    return membership


def _check_keeps_a_coordinator(membership: Membership, new_role: str | None) -> None:
    if membership.role != Membership.Role.COORDINATOR or new_role == Membership.Role.COORDINATOR:
        return
    others = Membership.objects.filter(
        partnership=membership.partnership, role=Membership.Role.COORDINATOR
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(
            _("A partnership needs a co-ordinator. Make someone else co-ordinator first.")
        )


def change_member_role(*, membership: Membership, role: str, organisation=None, by) -> Membership:
    with transaction.atomic(), acting_as(by):
        _check_keeps_a_coordinator(membership, role)
        membership.role = role
        membership.organisation = organisation
        membership.full_clean()
        membership.save()
    forget_roles(membership.person)
    return membership


def remove_member(*, membership: Membership, by) -> None:
    with transaction.atomic(), acting_as(by):
        _check_keeps_a_coordinator(membership, None)
        membership.delete()
    forget_roles(membership.person)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_member(
    *,
    partnership: Partnership,
    email: str,
    full_name: str,
    role: str,
    organisation=None,
    base_url: str,
    by,
) -> tuple[Invitation, str]:
    """Create a one-time invitation and email its link (after the transaction commits)."""
    email = email.strip().lower()
    if Membership.objects.filter(partnership=partnership, person__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already a member of this partnership.") % {"email": email}}
        )
    token = secrets.token_urlsafe(32)
    with transaction.atomic(), acting_as(by):
        # A fresh invitation replaces any earlier, unanswered one for the same address.
        Invitation.objects.filter(
            partnership=partnership, email__iexact=email, accepted_at__isnull=True
        ).update(expires_at=timezone.now())
        invitation = Invitation.objects.create(
            partnership=partnership,
            email=email,
            full_name=full_name,
            role=role,
            organisation=organisation,
            token_hash=_hash_token(token),
            invited_by=by,
            expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        link = base_url.rstrip("/") + reverse("invitation", kwargs={"token": token})
        # The page reads `email_sent` to say whether the link went; it stays None while an
        # outer transaction holds the send back.
        invitation.email_sent = None

        def failed() -> None:
            invitation.email_sent = False

        # Through notify() like every other email (one template, HTML and plain text), but sent
        # in this request after the commit rather than by the worker: the co-ordinator must be
        # told on the next page if the invitation did not go, and a worker's failure would
        # reach nobody. The link is only in the text, which is erased once sent (or not sent).
        notify(
            kind=Kind.INVITATION,
            recipients=[email],
            subject=_("You are invited to join %(partnership)s") % {"partnership": partnership},
            context={
                "invitation": invitation,
                "link": link,
                "days": settings.INVITATION_VALID_DAYS,
            },
            on_failure=failed,
            by=by,
        )
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("partnership", "organisation", "invited_by")
        .filter(token_hash=_hash_token(token))
        .first()
    )


def accept_invitation(*, invitation: Invitation, by) -> Membership:
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used. Ask for a new one."))
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask the co-ordinator to invite you again.")
        )
    if by.email.lower() != invitation.email.lower():
        raise ValidationError(
            _(
                "This invitation was sent to %(email)s. Sign in with that email address to accept it."
            )
            % {"email": invitation.email}
        )
    with transaction.atomic(), acting_as(by):
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None:
            raise ValidationError(_("This invitation has already been used. Ask for a new one."))
        existing = Membership.objects.filter(partnership=invitation.partnership, person=by).first()
        membership = existing or add_member(
            partnership=invitation.partnership,
            person=by,
            role=invitation.role,
            organisation=invitation.organisation,
            by=by,
        )
        locked.accepted_at = timezone.now()
        locked.accepted_by = by
        locked.save(update_fields=["accepted_at", "accepted_by"])
        if not by.full_name:
            by.full_name = invitation.full_name
            by.save(update_fields=["full_name"])
    forget_roles(by)
    return membership


def set_focus_issue(
    *,
    partnership: Partnership,
    title: str,
    summary: str,
    started_on: datetime.date,
    outcomes: Iterable[str] = (),
    by,
) -> FocusIssue:
    """Make a new issue the partnership's focus; the current one moves into its history."""
    with transaction.atomic(), acting_as(by):
        current = (
            FocusIssue.objects.select_for_update()
            .filter(partnership=partnership, status=FocusIssue.Status.ACTIVE)
            .first()
        )
        if current is not None:
            if started_on < current.started_on:
                raise ValidationError(
                    {
                        "started_on": _(
                            "The new focus issue must start on or after %(date)s, when the "
                            "current one started."
                        )
                        % {"date": formats.date_format(current.started_on, "j F Y")}
                    }
                )
            current.status = FocusIssue.Status.PAST
            current.ended_on = started_on
            current.save(update_fields=["status", "ended_on"])
        issue = FocusIssue.objects.create(
            partnership=partnership, title=title, summary=summary, started_on=started_on
        )
        _replace_outcomes(issue, outcomes)
        if current is not None:
            record_evidence(
                partnership=partnership,
                step_key=StepKey.NEXT_PRIORITY,
                evidence_label=_("Moved on to: %(title)s") % {"title": title},
                evidence_url=reverse("focus_issue", kwargs={"slug": partnership.slug}),
                on=started_on,
                by=by,
            )
    return issue


def update_focus_issue(
    *, focus_issue: FocusIssue, title: str, summary: str, outcomes: Iterable[str], by
) -> FocusIssue:
    with transaction.atomic(), acting_as(by):
        focus_issue.title = title
        focus_issue.summary = summary
        focus_issue.save(update_fields=["title", "summary"])
        _replace_outcomes(focus_issue, outcomes)
    return focus_issue


def add_intended_outcomes(*, focus_issue: FocusIssue, texts: Iterable[str], by) -> int:
    """Add outcomes the focus issue does not have yet (compared by their words, ignoring case and
    spacing), after those it has. Outcomes are never removed here: other apps link to them.
    Safe to call again with the same texts. Returns how many were added."""
    with transaction.atomic(), acting_as(by):
        existing = list(focus_issue.outcomes.select_for_update().order_by("order", "pk"))
        have = {_words(o.text) for o in existing}
        order = max((o.order for o in existing), default=0)
        added = 0
        for text in texts:
            text = text.strip()
            if not text or _words(text) in have:
                continue
            order += 1
            IntendedOutcome.objects.create(focus_issue=focus_issue, order=order, text=text)
            have.add(_words(text))
            added += 1
    return added


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _replace_outcomes(issue: FocusIssue, outcomes: Iterable[str]) -> None:
    """Make the issue's outcomes the given texts, in order. Other apps link to outcomes (actions,
    the theory of change), so rows are kept: an unchanged text keeps its row wherever it moves,
    and a reworded outcome takes over a row no longer used, in order."""
    texts = [text.strip() for text in outcomes if text.strip()]
    existing = list(issue.outcomes.order_by("order", "pk"))
    by_text = {}
    for outcome in existing:
        by_text.setdefault(outcome.text, outcome)
    kept = {
        texts_index: by_text.pop(text) for texts_index, text in enumerate(texts) if text in by_text
    }
    spare = [o for o in existing if o not in kept.values()]
    for n, text in enumerate(texts):
        outcome = kept.get(n) or (spare.pop(0) if spare else IntendedOutcome(focus_issue=issue))
        outcome.order, outcome.text = n + 1, text
        outcome.save()
    for outcome in spare:
        outcome.delete()


def save_timeline_event(*, event: TimelineEvent, by) -> TimelineEvent:
    """Add or change an event on the partnership's journey timeline."""
    with transaction.atomic(), acting_as(by):
        event.full_clean()
        event.save()
    return event


def delete_timeline_event(*, event: TimelineEvent, by) -> None:
    with transaction.atomic(), acting_as(by):
        event.delete()


def add_early_impact(
    *, partnership: Partnership, period: str, text: str, on: datetime.date | None = None, by
) -> EarlyImpact:
    """Record a piece of early impact. `on` is the day it was collated, if before today."""
    with transaction.atomic(), acting_as(by):
        order = partnership.early_impact.filter(period=period).count() + 1
        impact = EarlyImpact.objects.create(
            partnership=partnership, period=period, text=text, order=order
        )
        record_evidence(
            partnership=partnership,
            step_key=StepKey.COLLATE_EARLY_IMPACT,
            evidence_label=_("Early impact, %(period)s") % {"period": period},
            evidence_url=partnership.get_public_url() + "#early-impact",
            on=on or timezone.localdate(),
            by=by,
        )
    return impact


def delete_early_impact(*, impact: EarlyImpact, by) -> None:
    with transaction.atomic(), acting_as(by):
        impact.delete()
