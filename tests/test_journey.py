"""The journey: the blueprint as data, the evidence hook and the reads."""

import datetime

import pytest

from actlocally.journey.blueprint import PHASES, StepKey
from actlocally.journey.models import Phase, Step, StepProgress
from actlocally.journey.selectors import journey_for
from actlocally.journey.services import record_evidence, sync_blueprint, update_step

from .factories import PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db

# The date of the thing evidenced: a past day, so no test relies on evidence being dated today.
DAY = datetime.date(2024, 2, 23)


def test_blueprint_has_five_phases():
    assert list(Phase.objects.values_list("title", flat=True)) == [
        "Access & Connect",
        "Plan & Prioritise",
        "Deliver & Act",
        "Review & Learn",
        "Share & Refine",
    ]


def test_sync_blueprint_is_idempotent():
    before = Step.objects.count()
    sync_blueprint()
    assert Step.objects.count() == before


def test_record_evidence_ticks_a_step_with_its_evidence():
    partnership = PartnershipFactory()
    progress = record_evidence(
        on=DAY,
        partnership=partnership,
        step_key="hold-learning-symposium",
        evidence_label="Symposium",
        evidence_url="/x/",
    )
    assert (progress.status, progress.automatic, progress.evidence_url) == ("done", True, "/x/")


def test_record_evidence_with_a_key_the_blueprint_does_not_have_fails():
    # A typo used to do nothing, silently.
    with pytest.raises(ValueError, match="not a step of the blueprint"):
        record_evidence(
            on=DAY,
            partnership=PartnershipFactory(),
            step_key="hold-learning-symposuim",
            evidence_label="x",
        )


def test_record_evidence_for_a_step_this_installation_removed_does_nothing():
    Step.objects.filter(key=StepKey.COLLECT_FEEDBACK).delete()
    assert (
        record_evidence(
            on=DAY,
            partnership=PartnershipFactory(),
            step_key=StepKey.COLLECT_FEEDBACK,
            evidence_label="x",
        )
        is None
    )


def test_every_step_of_the_blueprint_has_a_key_constant():
    keys = {str(step[0]) for phase in PHASES for step in phase["steps"]}
    assert keys == {str(k) for k in StepKey}


def test_record_evidence_keeps_a_persons_judgement():
    partnership = PartnershipFactory()
    step = Step.objects.get(key="hold-learning-symposium")
    update_step(
        partnership=partnership,
        step=step,
        status="done",
        on=None,
        note="Held in person",
        evidence_label="Minutes",
        evidence_url="",
        by=UserFactory(),
    )
    record_evidence(
        on=DAY,
        partnership=partnership,
        step_key="hold-learning-symposium",
        evidence_label="Platform",
    )
    assert StepProgress.objects.get(partnership=partnership, step=step).evidence_label == "Minutes"


def test_record_evidence_never_moves_a_step_backwards():
    partnership = PartnershipFactory()
    record_evidence(
        on=DAY, partnership=partnership, step_key="hold-learning-symposium", evidence_label="Held"
    )
    progress = record_evidence(
        on=DAY,
        partnership=partnership,
        step_key="hold-learning-symposium",
        evidence_label="Planned",
        status="in_progress",
    )
    assert progress.status == "done"


def test_update_step_refuses_a_link_that_is_not_a_web_address():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        update_step(
            partnership=PartnershipFactory(),
            step=Step.objects.first(),
            status="done",
            on=None,
            note="",
            evidence_label="",
            evidence_url="javascript:alert(1)",
            by=None,
        )


def test_phase_is_in_progress_when_some_steps_are_done():
    partnership = PartnershipFactory()
    record_evidence(
        on=DAY, partnership=partnership, step_key="identify-backbone", evidence_label="x"
    )
    assert journey_for(partnership)[0].status == "in_progress"


def test_journey_for_uses_a_fixed_number_of_queries(django_assert_max_num_queries):
    partnership = PartnershipFactory()
    for step in Step.objects.all():
        record_evidence(on=DAY, partnership=partnership, step_key=step.key, evidence_label="x")
    total = Step.objects.count()
    with django_assert_max_num_queries(3):
        phases = journey_for(partnership)
        assert sum(p.done for p in phases) == total
