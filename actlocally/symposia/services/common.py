"""What the symposium services share: the journey step per kind of contribution, length checks,
and ticking "hold a learning symposium" once it has happened."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _lazy

from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence

from ..models import Contribution, Symposium

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


def check_length(model, field_name: str, value: str, *, form_field: str | None = None) -> str:
    """Refuse text longer than the model allows, against the form field that took it."""
    try:
        model._meta.get_field(field_name).run_validators(value)
    except ValidationError as error:
        raise ValidationError({form_field or field_name: error.messages}) from error
    return value


def note_if_held(symposium: Symposium, by) -> None:
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
