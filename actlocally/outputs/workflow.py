"""An output request's states, declared in one place: drafted by an analyst, submitted to two
checkers, then approved, returned for changes or rejected on their two decisions, and released
by a checker once both approved. Nothing leaves the secure environment before `release`."""

from django.utils.translation import gettext_lazy as _

from actlocally.core.workflow import Transition, Workflow

from .models import OutputRequest

State = OutputRequest.Status

WORKFLOW = Workflow(
    model=OutputRequest,
    field="status",
    permission_object=lambda output: output,
    params=lambda output: {"title": output.title},
    transitions=[
        Transition(
            name="submit",
            label=_("Submit for checking"),
            source={State.DRAFT, State.RETURNED},
            target=State.SUBMITTED,
            permission="outputs.submit_output",
            hint=_("Two checkers review it; neither sees the other's decision until both decide."),
            done=_("%(title)s is submitted to two checkers."),
            wrong_state=_("%(title)s is %(state)s: only a draft or returned output is submitted."),
        ),
        # The next three are made by the service when the second checker decides: both approve,
        # either rejects, or otherwise it goes back to the analyst.
        Transition(
            name="approve",
            label=_("Approve"),
            source={State.SUBMITTED},
            target=State.APPROVED,
            permission="outputs.review_output",
            done=_("Both checkers approved %(title)s."),
            wrong_state=_("%(title)s is %(state)s: it is not waiting for checkers."),
        ),
        Transition(
            name="return",
            label=_("Return for changes"),
            source={State.SUBMITTED},
            target=State.RETURNED,
            permission="outputs.review_output",
            done=_("%(title)s is returned to its analyst for changes."),
            wrong_state=_("%(title)s is %(state)s: it is not waiting for checkers."),
        ),
        Transition(
            name="reject",
            label=_("Reject"),
            source={State.SUBMITTED},
            target=State.REJECTED,
            permission="outputs.review_output",
            done=_("%(title)s is rejected: it will not be released."),
            wrong_state=_("%(title)s is %(state)s: it is not waiting for checkers."),
        ),
        Transition(
            name="release",
            label=_("Release"),
            source={State.APPROVED},
            target=State.RELEASED,
            permission="outputs.release_output",
            hint=_(
                "The checked table leaves the secure environment: the partnership can use it "
                "as evidence and as indicator data."
            ),
            done=_("%(title)s is released."),
            wrong_state=_(
                "%(title)s is %(state)s: only an output both checkers approved is released."
            ),
        ),
    ],
)
