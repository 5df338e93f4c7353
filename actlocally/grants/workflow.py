"""A funding round's states, declared in one place: drafted, open for applications, closed, scored
by the panel, decided and published. The co-ordinator moves it on; the services do what each step
means (opening checks the round is complete)."""

from django.utils.translation import gettext_lazy as _

from actlocally.core.workflow import Transition, Workflow

from .models import FundingRound

State = FundingRound.Status

WORKFLOW = Workflow(
    model=FundingRound,
    field="status",
    permission_object=lambda funding_round: funding_round.partnership,
    params=lambda funding_round: {"title": funding_round.title},
    transitions=[
        Transition(
            name="open",
            label=_("Open the round for applications"),
            source={State.DRAFT},
            target=State.OPEN,
            permission="grants.open_round",
            hint=_(
                "Organisations can then apply. The budget, limits, questions and criteria "
                "can no longer change."
            ),
            done=_("%(title)s is open for applications."),
            wrong_state=_("%(title)s is %(state)s: only a draft round can be opened."),
        ),
        Transition(
            name="close",
            label=_("Close the round"),
            source={State.OPEN},
            target=State.CLOSED,
            permission="grants.close_round",
            hint=_("No one can submit an application after this."),
            done=_("%(title)s is closed to applications."),
            wrong_state=_("%(title)s is %(state)s: only an open round can be closed."),
        ),
        Transition(
            name="start_scoring",
            label=_("Start the panel's scoring"),
            source={State.CLOSED},
            target=State.SCORING,
            permission="grants.start_scoring",
            hint=_("The panel can then score the eligible applications."),
            done=_("The panel can now score %(title)s."),
            wrong_state=_("%(title)s is %(state)s: close it before the panel scores."),
        ),
        Transition(
            name="decide",
            label=_("Record the panel's decision"),
            source={State.SCORING},
            target=State.DECIDED,
            permission="grants.record_decision",
            hint=_("The panel's agreed awards become final."),
            done=_("The decision on %(title)s is recorded."),
            wrong_state=_("%(title)s is %(state)s: only a round being scored can be decided."),
        ),
        Transition(
            name="publish",
            label=_("Publish the awards"),
            source={State.DECIDED},
            target=State.PUBLISHED,
            permission="grants.publish_round",
            hint=_("What was funded, how much and why is then shown to everyone."),
            done=_("The awards of %(title)s are published."),
            wrong_state=_("%(title)s is %(state)s: decide it before publishing."),
        ),
    ],
)
