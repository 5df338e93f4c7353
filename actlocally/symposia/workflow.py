"""A symposium's stages, declared in one place: contributions are collected, ranking opens, it
closes and is counted, and the partnership agrees its priorities. The co-ordinator (and whoever
else may run the symposium) moves it on; the services do what each step means."""

from django.utils.translation import gettext_lazy as _

from actlocally.core.workflow import Transition, Workflow

from .models import Symposium

Stage = Symposium.Stage

WORKFLOW = Workflow(
    model=Symposium,
    field="stage",
    permission_object=lambda symposium: symposium.partnership,
    transitions=[
        Transition(
            name="open_ranking",
            label=_("Open the ranking"),
            source={Stage.COLLECTING},
            target=Stage.RANKING,
            permission="symposia.run_symposium",
            hint=_(
                "Once ranking opens, contributions close and the candidates can no longer change."
            ),
            done=_("Ranking is open."),
            wrong_state=_("Ranking can only open once, after contributions are collected."),
        ),
        Transition(
            name="close_ranking",
            label=_("Close the ranking and count"),
            source={Stage.RANKING},
            target=Stage.COUNTED,
            permission="symposia.run_symposium",
            hint=_("No one can rank after this."),
            done=_("Ranking has closed. The result is below."),
            wrong_state=_("Ranking is not open."),
        ),
        Transition(
            name="agree_priorities",
            label=_("Agree the priorities"),
            source={Stage.COUNTED},
            target=Stage.AGREED,
            permission="symposia.run_symposium",
            hint=_("Up to three priorities, ranked by urgency; the first becomes the focus issue."),
            done=_("The priorities have been agreed."),
            wrong_state=_("Close the ranking before agreeing the priorities."),
        ),
    ],
)

# The stage page's `action` for each transition it confirms (the links carry ?action=open).
STAGE_ACTIONS = {"open": "open_ranking", "close": "close_ranking"}
