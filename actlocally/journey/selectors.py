"""Reads of the journey, each in a fixed number of queries whatever the number of steps."""

from collections import Counter
from dataclasses import dataclass, field

from .models import Phase, Status, StepProgress


@dataclass
class StepView:
    step: object
    progress: StepProgress | None

    @property
    def status(self) -> str:
        return self.progress.status if self.progress else Status.NOT_STARTED

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclass
class PhaseView:
    phase: Phase
    steps: list[StepView] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for s in self.steps if s.status == Status.DONE)

    @property
    def started(self) -> int:
        return sum(1 for s in self.steps if s.status != Status.NOT_STARTED)

    @property
    def status(self) -> str:
        if self.steps and self.done == len(self.steps):
            return Status.DONE
        return Status.IN_PROGRESS if self.started else Status.NOT_STARTED

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def journey_for(partnership) -> list[PhaseView]:
    """Every phase with its steps and this partnership's progress on each (2 queries)."""
    progress = {
        p.step_id: p
        for p in StepProgress.objects.filter(partnership=partnership).select_related("updated_by")
    }
    return [
        PhaseView(
            phase=phase, steps=[StepView(step, progress.get(step.pk)) for step in phase.steps.all()]
        )
        for phase in Phase.objects.prefetch_related("steps")
    ]


def done_counts(partnership_ids) -> dict[int, int]:
    """How many steps each partnership has done (1 query), for lists of partnerships."""
    return Counter(
        StepProgress.objects.filter(
            partnership_id__in=list(partnership_ids), status=Status.DONE
        ).values_list("partnership_id", flat=True)
    )
