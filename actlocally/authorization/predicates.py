"""The facts permissions are built from. Each takes the person and, where it matters, an object
that is a partnership, belongs to one (has `.partnership`) or is a local authority."""

import rules
from django.db.models import Q

from actlocally.partnerships.models import Board, BoardRole, LocalAuthority, Partnership, Role

from .roles import roles_of


def partnership_of(obj):
    if isinstance(obj, Partnership):
        return obj
    return getattr(obj, "partnership", None)


def local_authority_id_of(obj) -> int | None:
    if isinstance(obj, LocalAuthority):
        return obj.pk
    partnership = partnership_of(obj)
    return partnership.local_authority_id if partnership else None


@rules.predicate
def is_site_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_staff)


@rules.predicate
def is_data_guardian(user) -> bool:
    """A site-level responsibility, held on the person (ADR 15), not granted by being staff."""
    signed_in = getattr(user, "is_authenticated", False) and user.is_active
    return bool(signed_in and getattr(user, "is_data_guardian", False))


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_member(user, obj) -> bool:
    partnership = partnership_of(obj)
    return partnership is not None and partnership.pk in roles_of(user).partnerships


def has_role(*roles: Role):
    roles = tuple(Role(role) for role in roles)  # a role that does not exist fails at import

    @rules.predicate(name=f"has_role:{'|'.join(roles)}")
    def predicate(user, obj) -> bool:
        partnership = partnership_of(obj)
        return partnership is not None and roles_of(user).partnerships.get(partnership.pk) in roles

    return predicate


@rules.predicate
def sits_on_board(user, obj) -> bool:
    """Board members and backbone staff of the local authority the object is in."""
    la_id = local_authority_id_of(obj)
    return la_id is not None and la_id in roles_of(user).boards


@rules.predicate
def is_backbone_staff(user, obj) -> bool:
    la_id = local_authority_id_of(obj)
    return la_id is not None and roles_of(user).boards.get(la_id) == BoardRole.BACKBONE


@rules.predicate
def is_board_member(user, obj) -> bool:
    """The chair or a member of the strategic board of the object's local authority."""
    la_id = local_authority_id_of(obj)
    return la_id is not None and roles_of(user).boards.get(la_id) in {
        BoardRole.CHAIR,
        BoardRole.MEMBER,
    }


@rules.predicate
def is_backbone_staff_anywhere(user) -> bool:
    return BoardRole.BACKBONE in roles_of(user).boards.values()


@rules.predicate
def coordinates_anywhere(user) -> bool:
    return Role.COORDINATOR in roles_of(user).partnerships.values()


@rules.predicate
def owns_action(user, action) -> bool:
    """The person answerable for an action, while they are still a member of its partnership."""
    owner_id = getattr(action, "owner_id", None)
    return (
        owner_id is not None
        and owner_id == getattr(user, "pk", None)
        and action.partnership_id in roles_of(user).partnerships
    )


@rules.predicate
def provides_service(user, service) -> bool:
    """Someone who works for the organisation that provides a service (hubs), for that service."""
    organisation_id = getattr(service, "organisation_id", None)
    if organisation_id is None or not getattr(user, "is_authenticated", False):
        return False
    from actlocally.organisations.models import Affiliation

    return Affiliation.objects.filter(person=user, organisation_id=organisation_id).exists()


@rules.predicate
def provides_referred_service(user, referral) -> bool:
    """Someone who works for the provider of the service a referral (hubs) was made to."""
    return provides_service(user, getattr(referral, "service", None))


@rules.predicate
def works_at_a_school(user) -> bool:
    """Someone affiliated with a school or setting (who may refer a family to a service)."""
    if not getattr(user, "is_authenticated", False):
        return False
    from actlocally.organisations.models import Affiliation, Sector

    return Affiliation.objects.filter(person=user, organisation__sector=Sector.SCHOOL).exists()


@rules.predicate
def is_research_partner_anywhere(user) -> bool:
    return Role.RESEARCH_PARTNER in roles_of(user).partnerships.values()


def local_authorities_of_organisation(organisation) -> set[int]:
    """The local authorities an organisation works in: where it is a partnership's partner,
    backbone or research partner, or a board's backbone. Read once per organisation object."""
    cached = getattr(organisation, "_actlocally_authorities", None)
    if cached is None:
        if organisation.pk is None:
            cached = set()
        else:
            cached = set(
                Partnership.objects.filter(
                    Q(partner_organisations=organisation)
                    | Q(backbone=organisation)
                    | Q(research_partner=organisation)
                ).values_list("local_authority_id", flat=True)
            ) | set(
                Board.objects.filter(backbone=organisation).values_list(
                    "local_authority_id", flat=True
                )
            )
        organisation._actlocally_authorities = cached
    return cached


@rules.predicate
def runs_organisations_authority(user, organisation) -> bool:
    """A co-ordinator or backbone staff of a local authority the organisation works in; or, for
    an organisation no partnership or board uses yet, anyone who may add organisations."""
    roles = roles_of(user)
    own = {la for la, role in roles.boards.items() if role == BoardRole.BACKBONE} | {
        roles.authorities[p] for p, role in roles.partnerships.items() if role == Role.COORDINATOR
    }
    if not own or organisation is None:
        return False
    theirs = local_authorities_of_organisation(organisation)
    return not theirs or bool(own & theirs)


@rules.predicate
def started_job(user, job) -> bool:
    """The person who started a background job (an upload, an export)."""
    return job is not None and job.started_by_id is not None and job.started_by_id == user.pk


@rules.predicate
def sits_on_panel(user, funding_round) -> bool:
    """A panellist of this funding round (object: a round of the community budget)."""
    panellists = getattr(funding_round, "panellists", None)
    return (
        panellists is not None
        and getattr(user, "is_authenticated", False)
        and panellists.filter(person_id=user.pk).exists()
    )


@rules.predicate
def wrote_application(user, application) -> bool:
    """The contact who wrote this community budget application (object: an application)."""
    return (
        application is not None
        and getattr(user, "is_authenticated", False)
        and getattr(application, "applicant_id", None) == user.pk
    )


@rules.predicate
def unconflicted_panellist(user, application) -> bool:
    """A panellist of the application's round who has declared no conflict of interest with it
    (object: an application). Until they declare, they do not see its documents."""
    if application is None or not getattr(user, "is_authenticated", False):
        return False
    from actlocally.grants.models import Declaration

    return Declaration.objects.filter(
        application_id=application.pk,
        panellist__round_id=application.round_id,
        panellist__person_id=user.pk,
        conflicted=False,
    ).exists()
