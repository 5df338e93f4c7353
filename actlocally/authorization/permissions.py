"""Every named permission of the platform and, in plain English, who holds it.

Views call `has_permission` (or the 404 helpers in `__init__`); querysets call
`visible_partnership_filter`. New apps add their permissions here, beside the ones they build on.
"""

import rules

from .predicates import (
    coordinates_anywhere,
    has_role,
    is_backbone_staff,
    is_backbone_staff_anywhere,
    is_member,
    is_signed_in,
    is_site_staff,
    sits_on_board,
)

COORDINATOR = "coordinator"
RESEARCH_PARTNER = "research_partner"
OBSERVER = "observer"

# Members see their own partnerships; board members and backbone staff see every partnership in
# their local authority; site staff see everything.
can_view_partnership = is_site_staff | is_member | sits_on_board

# The co-ordinator runs the partnership; backbone staff can step in for any partnership they back.
can_manage_partnership = is_site_staff | is_backbone_staff | has_role(COORDINATOR)

# Symposia: every member of the partnership takes part (contributes and ranks), except observers;
# the co-ordinator, backbone staff and site staff run it (codes, merging, ranking, agreeing).
can_take_part_in_symposium = is_member & ~has_role(OBSERVER)

PERMISSIONS = {
    "partnerships.view_partnership": can_view_partnership,
    "partnerships.manage_partnership": can_manage_partnership,
    "partnerships.invite_members": can_manage_partnership,
    "partnerships.view_history": can_manage_partnership,
    # The research partner keeps the journey up to date alongside the co-ordinator.
    "partnerships.update_journey": can_manage_partnership | has_role(RESEARCH_PARTNER),
    # Object: a local authority. Backbone staff start new partnerships in their own.
    "partnerships.add_partnership": is_site_staff | is_backbone_staff,
    "partnerships.view_local_authority": is_site_staff | sits_on_board,
    "symposia.view_symposium": can_view_partnership,
    "symposia.take_part": can_take_part_in_symposium,
    "symposia.run_symposium": can_manage_partnership,
    "organisations.view_organisation": is_signed_in,
    "organisations.manage_organisation": (
        is_site_staff | is_backbone_staff_anywhere | coordinates_anywhere
    ),
}

for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)
