"""A person's roles, loaded once per request: every predicate reads from here, never the database."""

from dataclasses import dataclass, field

ROLES_CACHE_ATTR = "_actlocally_roles"


@dataclass(frozen=True)
class Roles:
    # partnership id -> Membership.Role value
    partnerships: dict[int, str] = field(default_factory=dict)
    # local authority id -> BoardMembership.Role value
    boards: dict[int, str] = field(default_factory=dict)


def roles_of(user) -> Roles:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Roles()
    cached = getattr(user, ROLES_CACHE_ATTR, None)
    if cached is None:
        from actlocally.partnerships.models import BoardMembership, Membership

        cached = Roles(
            partnerships=dict(
                Membership.objects.filter(person=user).values_list("partnership_id", "role")
            ),
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
