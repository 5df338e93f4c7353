"""The capability review's workflow: open for members' ratings, then agreed by the co-ordinator."""

from django.utils.translation import gettext_lazy as _

from actlocally.core.workflow import Transition, Workflow

from .models import CapabilityReview

State = CapabilityReview.Status

WORKFLOW = Workflow(
    model=CapabilityReview,
    field="status",
    permission_object=lambda review: review.partnership,
    params=lambda review: {"year": review.academic_year},
    transitions=[
        Transition(
            name="agree",
            label=_("Agree the partnership's ratings"),
            source={State.OPEN},
            target=State.AGREED,
            permission="review.agree_capability",
            hint=_("Once agreed, members can no longer change their ratings."),
            done=_("The capability analysis for %(year)s is agreed."),
            wrong_state=_(
                "The capability analysis for %(year)s is %(state)s: only an open one can be agreed."
            ),
        ),
    ],
)
