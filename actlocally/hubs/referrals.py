"""Referrals from schools to services of the local offer: making one, moving it through its
declared states (services), and who sees which (selectors, one query each)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.organisations.models import Affiliation, Organisation, Sector
from actlocally.partnerships.models import Partnership

from .models import CLOSED, Referral, Service, TaxonomyTerm
from .workflow import WORKFLOW

# A closed referral (seen or declined) is kept this long, then deleted by the nightly purge.
KEEP_CLOSED_DAYS = 365


def schools_for(user, partnership: Partnership) -> QuerySet[Organisation]:
    """The schools `user` may refer from: any school for the hub lead and co-ordinator, else
    the schools they work at."""
    schools = Organisation.objects.filter(sector=Sector.SCHOOL).order_by("name")
    if has_permission(user, "hubs.view_all_referrals", partnership):
        return schools
    return schools.filter(affiliations__person=user).distinct()


def make_referral(
    *,
    partnership: Partnership,
    school: Organisation,
    service: Service,
    need: TaxonomyTerm,
    reference: str,
    by,
) -> Referral:
    """A school's referral, received by the service. The reference is the school's own (never a
    name); the same school cannot refer the same reference to the same service twice."""
    reference = reference.strip()
    errors = {}
    if not reference:
        errors["reference"] = _("Enter the school's reference for the child or family.")
    if service.partnership_id != partnership.pk or not service.published:
        errors["service"] = _("Choose a published service of this partnership's local offer.")
    if school.sector != Sector.SCHOOL:
        errors["school"] = _("Choose a school.")
    if (
        not errors
        and Referral.objects.filter(school=school, service=service, reference=reference).exists()
    ):
        errors["reference"] = _(
            "This school has already referred %(reference)s to this service."
        ) % {"reference": reference}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_as(by):
        return Referral.objects.create(
            partnership=partnership,
            school=school,
            service=service,
            need=need,
            reference=reference,
            made_by=by if getattr(by, "pk", None) else None,
        )


def move_referral(*, referral: Referral, transition: str, by) -> Referral:
    """Accept, decline or mark seen, as the workflow allows this person from its state now."""
    with transaction.atomic(), acting_as(by):
        locked = Referral.objects.select_for_update().get(pk=referral.pk)
        locked.status_changed_at = timezone.now()
        WORKFLOW.run(locked, transition, by=by, update_fields=["status_changed_at"])
    return locked


def forget_closed(*, now: datetime.datetime) -> int:
    """Delete referrals closed more than KEEP_CLOSED_DAYS ago (the nightly purge)."""
    before = now - datetime.timedelta(days=KEEP_CLOSED_DAYS)
    return Referral.objects.filter(status__in=CLOSED, status_changed_at__lt=before).delete()[0]


def referrals_for(user, partnership: Partnership) -> QuerySet[Referral]:
    """The referrals `user` may see: all of the partnership's for the hub lead and co-ordinator;
    else those to services their organisation provides and those made by their school."""
    found = Referral.objects.filter(partnership=partnership).select_related(
        "school", "service", "need"
    )
    if has_permission(user, "hubs.view_all_referrals", partnership):
        return found
    mine = Affiliation.objects.filter(person=user).values("organisation_id")
    return found.filter(Q(service__organisation_id__in=mine) | Q(school_id__in=mine))
