"""The roles a person can hold: in a partnership, and on a local authority's strategic board.

Stored values are the enumeration's values; the permission table and its predicates compare with
these members, never with strings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A person's role in a convening partnership."""

    COORDINATOR = "coordinator", _("Co-ordinator")
    RESEARCH_PARTNER = "research_partner", _("Research partner")
    MEMBER = "member", _("Member")
    COMMUNITY_REP = "community_rep", _("Community representative")
    YOUNG_PERSON = "young_person", _("Young person")
    COMMISSIONER = "commissioner", _("Commissioner")
    OBSERVER = "observer", _("Observer")
    # Runs the area's School Health Hub and its local offer of services (issue 12).
    HUB_LEAD = "hub_lead", _("Hub lead")


class BoardRole(models.TextChoices):
    """A person's role on the strategic board of a local authority."""

    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Board member")
    BACKBONE = "backbone", _("Backbone staff")
