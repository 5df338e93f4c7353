"""A referral's states, declared once: the service's provider (or the hub lead or co-ordinator)
accepts or declines it, then records that the family was seen."""

from django.utils.translation import gettext_lazy as _

from actlocally.core.workflow import Transition, Workflow

from .models import Referral, ReferralStatus

S = ReferralStatus

WORKFLOW = Workflow(
    model=Referral,
    field="status",
    permission_object=lambda referral: referral,
    params=lambda referral: {"reference": referral.reference},
    transitions=[
        Transition(
            name="accept",
            label=_("Accept"),
            source={S.RECEIVED},
            target=S.ACCEPTED,
            permission="hubs.handle_referral",
            done=_("Referral %(reference)s is accepted."),
            wrong_state=_("Referral %(reference)s is %(state)s: only a new one can be accepted."),
        ),
        Transition(
            name="see",
            label=_("Record that the family was seen"),
            source={S.ACCEPTED},
            target=S.SEEN,
            permission="hubs.handle_referral",
            done=_("Referral %(reference)s is marked as seen."),
            wrong_state=_("Referral %(reference)s is %(state)s: accept it before marking it seen."),
        ),
        Transition(
            name="decline",
            label=_("Decline"),
            source={S.RECEIVED, S.ACCEPTED},
            target=S.DECLINED,
            permission="hubs.handle_referral",
            done=_("Referral %(reference)s is declined."),
            wrong_state=_("Referral %(reference)s is %(state)s: it can no longer be declined."),
        ),
    ],
)
