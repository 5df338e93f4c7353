"""Every named permission of the platform and, in plain English, who holds it.

Views call `has_permission` (or the 404 helpers in `checks`); querysets call
`visible_partnership_filter`. New apps add their permissions here, beside the ones they build on.
"""

import rules

from actlocally.linkage.predicates import is_project_member, is_project_member_with_data
from actlocally.outputs.predicates import (
    checks_outputs_anywhere,
    checks_this_output,
    is_project_analyst,
    is_released,
    wrote_output,
)
from actlocally.partnerships.models import Role

from .predicates import (
    coordinates_anywhere,
    has_role,
    is_backbone_staff,
    is_backbone_staff_anywhere,
    is_board_member,
    is_data_guardian,
    is_member,
    is_research_partner_anywhere,
    is_signed_in,
    is_site_staff,
    owns_action,
    provides_referred_service,
    provides_service,
    runs_organisations_authority,
    sits_on_board,
    sits_on_panel,
    started_job,
    unconflicted_panellist,
    works_at_a_school,
    wrote_application,
)

# Members see their own partnerships; board members and backbone staff see every partnership in
# their local authority; site staff see everything.
can_view_partnership = is_site_staff | is_member | sits_on_board

# The co-ordinator runs the partnership; backbone staff can step in for any partnership they back.
can_manage_partnership = is_site_staff | is_backbone_staff | has_role(Role.COORDINATOR)

# Symposia: every member of the partnership takes part (contributes and ranks), except observers;
# the co-ordinator, backbone staff and site staff run it (codes, merging, ranking, agreeing).
can_take_part_in_symposium = is_member & ~has_role(Role.OBSERVER)

PERMISSIONS = {
    "partnerships.view_partnership": can_view_partnership,
    "partnerships.manage_partnership": can_manage_partnership,
    "partnerships.invite_members": can_manage_partnership,
    "partnerships.view_history": can_manage_partnership,
    # The research partner keeps the journey up to date alongside the co-ordinator.
    "partnerships.update_journey": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    # Object: a local authority. Backbone staff start new partnerships in their own.
    "partnerships.add_partnership": is_site_staff | is_backbone_staff,
    "partnerships.view_local_authority": is_site_staff | sits_on_board,
    "symposia.view_symposium": can_view_partnership,
    "symposia.take_part": can_take_part_in_symposium,
    "symposia.run_symposium": can_manage_partnership,
    "organisations.view_organisation": is_signed_in,
    # Co-ordinators and backbone staff add organisations; they change only those working in
    # their own local authority (object: an organisation). Site staff change any.
    "organisations.add_organisation": (
        is_site_staff | is_backbone_staff_anywhere | coordinates_anywhere
    ),
    "organisations.manage_organisation": is_site_staff | runs_organisations_authority,
    # The action plan. Object: a partnership, or (for updates) an action.
    "actions.view_actions": can_view_partnership,
    "actions.manage_actions": can_manage_partnership,
    # Owners update their own actions (status and progress notes); the co-ordinator any action.
    "actions.update_action": can_manage_partnership | owns_action,
    # The theory of change: the research partner shapes it with the co-ordinator.
    "theory.view_theory": can_view_partnership,
    "theory.edit_theory": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    # Meetings: members read agendas and minutes; the co-ordinator runs the meetings.
    "meetings.view_meetings": can_view_partnership,
    "meetings.manage_meetings": can_manage_partnership,
    # The partnership's calendar link is a secret shared with its own people, not with the board.
    "meetings.view_partnership_calendar": is_site_staff | is_member | is_backbone_staff,
    # Statements of Intent. Everyone who sees the partnership reads every version; the research
    # partner helps write drafts (the data); only the co-ordinator, backbone and staff circulate,
    # agree and send recommendations. A commissioner in the partnership, or a member of the
    # local authority's board, records a commissioner's response to a recommendation.
    "statements.view_statement": can_view_partnership,
    "statements.edit_statement": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    "statements.circulate_statement": can_manage_partnership,
    "statements.agree_statement": can_manage_partnership,
    "statements.send_recommendations": can_manage_partnership,
    # While a draft is circulated, every member except observers comments on its sections (as
    # do the people who run the partnership); the co-ordinator marks each comment addressed.
    "statements.comment_on_statement": can_manage_partnership | can_take_part_in_symposium,
    "statements.address_comment": can_manage_partnership,
    "statements.respond_to_recommendation": (
        is_site_staff | has_role(Role.COMMISSIONER) | is_board_member
    ),
    # Places. Deprivation rankings, maps and suggestions are open data: anyone signed in. The
    # research partner loads data, with site and backbone staff. Object: a partnership.
    "places.view_open_data": is_signed_in,
    "places.import_data": is_site_staff | is_backbone_staff_anywhere | is_research_partner_anywhere,
    "places.view_area": can_view_partnership,
    "places.define_area": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    "places.add_asset": can_manage_partnership,
    # Public pages (accessibility, privacy, cookies, help, contact, glossary) are for everyone;
    # so is the feedback form, signed in or not. Site staff read feedback in the admin.
    "pages.give_feedback": rules.always_allow,
    "places.change_asset": can_manage_partnership,
    # Background jobs. Object: a job. Its page (progress, errors, result) is for whoever started
    # it, and site staff.
    "jobs.view_job": is_site_staff | started_job,
    # The file a job made (an export) holds what its starter was allowed to see: only they may
    # download it, not site staff.
    "jobs.download_result": started_job,
    # Shared measurement. Members read their partnership's indicators; the research partner and
    # the co-ordinator (with backbone and site staff) choose indicators, define them in the local
    # authority's library and enter data. Counts below the small-number threshold are shown only
    # to the partnership's research partner and co-ordinator; everyone else sees them suppressed.
    "measurement.view_measurement": can_view_partnership,
    "measurement.manage_indicators": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    "measurement.add_data": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    "measurement.view_small_numbers": has_role(Role.COORDINATOR, Role.RESEARCH_PARTNER),
    # The access audit (who viewed or exported personal data). Only data guardians read, search
    # and export it: not site staff, whose own access it records (ADR 15).
    "accessaudit.view_access_events": is_data_guardian,
    "accessaudit.export_access_events": is_data_guardian,
    # Review & Learn. Members read the capability reviews, case studies and impact reports; the
    # co-ordinator (with backbone and site staff) and the research partner manage them: case
    # studies, feedback links, lessons learned and reports. Every member except observers rates
    # the partnership's capability; the co-ordinator agrees the ratings and publishes reports.
    # Members and those who run the partnership read every lesson learned; board members read
    # those shared with the board. Backbone and site staff edit the local authority's
    # self-evaluation areas (object: a partnership of that authority).
    "review.view_review": can_view_partnership,
    "review.manage_review": can_manage_partnership | has_role(Role.RESEARCH_PARTNER),
    "review.rate_capability": can_take_part_in_symposium,
    "review.agree_capability": can_manage_partnership,
    "review.publish_report": can_manage_partnership,
    "review.view_all_lessons": is_site_staff | is_member | is_backbone_staff,
    "review.edit_evaluation_areas": is_site_staff | is_backbone_staff,
    # The community budget. Members read the partnership's funding rounds; the co-ordinator
    # (with backbone and site staff) sets a round up and moves it on: opens it for applications,
    # closes it, starts the panel's scoring, records the decision and publishes the awards.
    "grants.view_rounds": can_view_partnership,
    "grants.manage_rounds": can_manage_partnership,
    "grants.open_round": can_manage_partnership,
    "grants.close_round": can_manage_partnership,
    "grants.start_scoring": can_manage_partnership,
    "grants.record_decision": can_manage_partnership,
    "grants.publish_round": can_manage_partnership,
    # Anyone signed in may apply to an open round on behalf of their organisation (the services
    # keep each applicant to their own applications); the co-ordinator checks eligibility.
    "grants.apply": is_signed_in,
    "grants.check_eligibility": can_manage_partnership,
    # The panel: the co-ordinator names its members (existing accounts), sees the scores
    # and proposed allocation, and records the allocation the panel agrees. Object: a
    # partnership. Each panellist (object: the round) declares conflicts and scores, blind.
    "grants.manage_panel": can_manage_partnership,
    "grants.agree_allocation": can_manage_partnership,
    "grants.score_applications": sits_on_panel,
    # An application's documents (object: an application): its writer, the co-ordinator of the
    # round's partnership, and panellists who declared no conflict with it.
    "grants.read_attachments": wrote_application | unconflicted_panellist | can_manage_partnership,
    # After the decision: grant agreements and payments (object: a partnership).
    "grants.manage_awards": can_manage_partnership,
    # School Health Hubs and the local offer. The co-ordinator (with backbone and site staff)
    # and the hub lead add, change and publish the partnership's services (object: a
    # partnership); someone working for a service's provider keeps that one service up to date
    # (object: a service), but publishing stays with the hub lead and co-ordinator. Published
    # services are public (the directory and the ORUK API) and need no permission.
    "hubs.manage_services": can_manage_partnership | has_role(Role.HUB_LEAD),
    "hubs.update_service": can_manage_partnership | has_role(Role.HUB_LEAD) | provides_service,
    # The local authority's school holidays, which every hub's sessions skip: the co-ordinator
    # (with backbone and site staff) keeps them (object: a partnership of that authority).
    "hubs.manage_holidays": can_manage_partnership,
    # A hub itself: its spoke schools, its timetable and its one-stop-shop days, and the
    # take-up its staff record (object: a partnership).
    "hubs.manage_hubs": can_manage_partnership | has_role(Role.HUB_LEAD),
    "hubs.record_take_up": can_manage_partnership | has_role(Role.HUB_LEAD),
    "hubs.view_take_up": (
        can_manage_partnership | has_role(Role.HUB_LEAD) | has_role(Role.RESEARCH_PARTNER)
    ),
    # Referrals between the services at a hub, as counts (a hub's optional record): kept by the
    # hub lead and co-ordinator, read by them and the research partner (object: a partnership).
    "hubs.record_service_referrals": can_manage_partnership | has_role(Role.HUB_LEAD),
    "hubs.view_service_referrals": (
        can_manage_partnership | has_role(Role.HUB_LEAD) | has_role(Role.RESEARCH_PARTNER)
    ),
    # Take-up counts below MEASUREMENT_SMALL_NUMBER_THRESHOLD are shown only to the research
    # partner; everyone else (hub staff too) sees them suppressed (object: a partnership).
    "hubs.view_small_numbers": has_role(Role.RESEARCH_PARTNER),
    # Referrals (a pseudonymous reference, a need, a service): a member who works at a school
    # refers; the hub lead and co-ordinator see every referral of the partnership; someone at
    # the service's provider sees and moves on those to their service (object: a referral).
    "hubs.make_referral": (
        can_manage_partnership | has_role(Role.HUB_LEAD) | (is_member & works_at_a_school)
    ),
    "hubs.view_all_referrals": can_manage_partnership | has_role(Role.HUB_LEAD),
    "hubs.handle_referral": (
        can_manage_partnership | has_role(Role.HUB_LEAD) | provides_referred_service
    ),
    # Output checking (connected data). A linkage project's named analysts list its outputs,
    # draft them and submit their own (object: a project, or an output request); each
    # submission goes to two of the project's checkers, never its author, who alone see it
    # beside the analysts, decide on it and release it once both approved. Checkers never reach
    # the record-level data. A released table is read by whoever sees the partnership.
    "outputs.view_outputs": is_project_analyst,
    "outputs.draft_output": is_project_analyst,
    "outputs.view_output": is_project_analyst | checks_this_output,
    "outputs.submit_output": is_project_analyst & wrote_output,
    "outputs.comment_on_output": is_project_analyst | checks_this_output,
    "outputs.view_check_queue": checks_outputs_anywhere,
    "outputs.review_output": checks_this_output,
    "outputs.release_output": checks_this_output,
    "outputs.view_released": is_released & can_view_partnership,
    # Notifications: each signed-in person reads their own list and sets their own preferences.
    "notifications.view_own": is_signed_in,
    # A person's rights (UK GDPR). Each signed-in person exports their own data; site staff find
    # anyone, export everything held about them (a subject access request) and erase them.
    "privacy.export_own": is_signed_in,
    "privacy.export_anyone": is_site_staff,
    "privacy.erase_person": is_site_staff,
    # Connected data (issue 13). The partnership's research partner starts a linkage project
    # (object: a partnership) and is named its first analyst. Only a project's named analysts,
    # signed in with MFA where the platform requires it, load extracts, link them and analyse
    # the pseudonymised tables (object: a project); site staff do not. Checkers and analysts
    # see the project's page (purpose, basis, members, aggregate quality), never its data.
    "linkage.add_project": has_role(Role.RESEARCH_PARTNER),
    "linkage.view_project": is_project_member,
    "linkage.manage_project": is_project_member_with_data,
    "linkage.analyse": is_project_member_with_data,
}

for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)
