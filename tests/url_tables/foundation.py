"""Access rules and the URL table for the foundation's pages.

Each app adds a module here with its own `URLS` (and, if it needs them, extra `ACCESS` rules);
tests/test_url_access.py merges them all.
"""

from actlocally.partnerships import services
from actlocally.partnerships.models import Role

# Who may do what, in the words of the permission table (actlocally/authorization/permissions.py).
# One person per partnership role (tests/factories.py makes them), so a new role is walked too.
MEMBER_ROLES = [role.value for role in Role]
ROLES = [
    "anonymous",
    "no_role",
    "outsider",
    "backbone",
    "board",
    "staff",
    "data_guardian",
    *MEMBER_ROLES,
]
VIEWERS = {"backbone", "board", "staff", *MEMBER_ROLES}
MANAGERS = {Role.COORDINATOR, "backbone", "staff"}


def partnership_rule(allowed: set[str]):
    """The shape of most partnership rules: anonymous people are sent to sign in, `allowed` roles
    get in, others who can see the partnership are refused (403), everyone else gets 404."""
    return lambda role: (
        302 if role == "anonymous" else 200 if role in allowed else 403 if role in VIEWERS else 404
    )


ACCESS = {
    # "public": anyone. "signed_in": any signed-in person. Others are partnership or authority rules.
    "public": lambda role: 200,
    "signed_in": lambda role: 302 if role == "anonymous" else 200,
    "view": lambda role: 302 if role == "anonymous" else (200 if role in VIEWERS else 404),
    "manage": partnership_rule(MANAGERS),
    "update_journey": partnership_rule(MANAGERS | {Role.RESEARCH_PARTNER}),
    "la_view": lambda role: (
        302 if role == "anonymous" else 200 if role in {"staff", "backbone", "board"} else 404
    ),
    "la_add": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in {"staff", "backbone"}
        else 403
        if role == "board"
        else 404
    ),
    "manage_organisations": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in {"staff", "backbone", Role.COORDINATOR, "outsider"}
        else 403
    ),
    # Changing an organisation that works in Bradford: Bradford's co-ordinators and backbone
    # staff, and site staff; Leeds's co-ordinator ("outsider") is refused like everyone else.
    "manage_bradford_organisation": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in {"staff", "backbone", Role.COORDINATOR}
        else 403
    ),
    "site_staff": lambda role: 200 if role == "staff" else 302,
}


def bradford_organisation(world):
    world.keighley.partner_organisations.add(world.organisation)
    return world.organisation


def invitation_token(world):
    _invitation, token = services.invite_member(
        partnership=world.keighley,
        email="new.person@example.org",
        full_name="New Person",
        role=Role.MEMBER,
        base_url="http://testserver",
        by=world.people["coordinator"],
    )
    return token


# url name -> (kwargs from the world, access rule)
URLS = {
    "home": (lambda w: {}, "public"),
    "area": (lambda w: {"slug": "keighley"}, "public"),
    "invitation": (lambda w: {"token": invitation_token(w)}, "public"),
    "dashboard": (lambda w: {}, "signed_in"),
    "profile": (lambda w: {}, "signed_in"),
    "organisations:list": (lambda w: {}, "signed_in"),
    "organisations:detail": (lambda w: {"pk": w.organisation.pk}, "signed_in"),
    "organisations:new": (lambda w: {}, "manage_organisations"),
    "organisations:edit": (
        lambda w: {"pk": bradford_organisation(w).pk},
        "manage_bradford_organisation",
    ),
    "local_authority": (lambda w: {"code": "E08000032"}, "la_view"),
    "partnership_create": (lambda w: {"code": "E08000032"}, "la_add"),
    "partnership": (lambda w: {"slug": "keighley"}, "view"),
    "partnership_edit": (lambda w: {"slug": "keighley"}, "manage"),
    "public_contact_edit": (lambda w: {"slug": "keighley"}, "manage"),
    "area_public_geojson": (lambda w: {"slug": "keighley"}, "public"),
    "members": (lambda w: {"slug": "keighley"}, "view"),
    "member_invite": (lambda w: {"slug": "keighley"}, "manage"),
    "member_edit": (lambda w: {"slug": "keighley", "pk": w.coordinator_membership.pk}, "manage"),
    "focus_issue": (lambda w: {"slug": "keighley"}, "view"),
    "focus_issue_new": (lambda w: {"slug": "keighley"}, "manage"),
    "focus_issue_edit": (lambda w: {"slug": "keighley"}, "manage"),
    "timeline": (lambda w: {"slug": "keighley"}, "view"),
    "timeline_new": (lambda w: {"slug": "keighley"}, "manage"),
    "timeline_edit": (lambda w: {"slug": "keighley", "pk": w.event.pk}, "manage"),
    "early_impact": (lambda w: {"slug": "keighley"}, "view"),
    "history": (lambda w: {"slug": "keighley"}, "manage"),
    "partnership_search": (lambda w: {"slug": "keighley"}, "view"),
    "history_export": (lambda w: {"slug": "keighley"}, "manage"),
    "journey": (lambda w: {"slug": "keighley"}, "view"),
    "journey_step": (lambda w: {"slug": "keighley", "key": "hold-learning-symposium"}, "view"),
    "admin:index": (lambda w: {}, "site_staff"),
}
