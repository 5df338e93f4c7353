"""A person's roles, loaded once per request: every predicate reads from here, never the database."""

from dataclasses import dataclass, field

from actlocally.partnerships.models import BoardMembership, Membership

ROLES_CACHE_ATTR = "_actlocally_roles"


@dataclass(frozen=True)
class Roles:
    # partnership id -> a Role value (the stored string, equal to its Role member)
    partnerships: dict[int, str] = field(default_factory=dict)
    # local authority id -> a BoardRole value
    boards: dict[int, str] = field(default_factory=dict)
    # partnership id -> its local authority id, for the partnerships in `partnerships`
    authorities: dict[int, int] = field(default_factory=dict)


def roles_of(user) -> Roles:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, ROLES_CACHE_ATTR, None)
    if cached is None:
        memberships = list(
            Membership.objects.filter(person=user).values_list(
                "partnership_id", "role", "partnership__local_authority_id"
            )
        )
        cached = Roles(
            partnerships={partnership: role for partnership, role, _la in memberships},
            authorities={partnership: la for partnership, _role, la in memberships},
            boards=dict(
                BoardMembership.objects.filter(person=user).values_list(
                    "board__local_authority_id", "role"
                )
            ),
        )
        setattr(user, ROLES_CACHE_ATTR, cached)
    return cached


def forget_roles(user) -> None:
    """Call after changing someone's memberships, so the next check reads them afresh."""
    if hasattr(user, ROLES_CACHE_ATTR):
        delattr(user, ROLES_CACHE_ATTR)
