"""Writes to organisations, validated against the identifier rules before anything is saved."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from .models import Organisation, Sector


def save_organisation(*, organisation: Organisation, by) -> Organisation:
    if organisation.urn and organisation.sector != Sector.SCHOOL:
        raise ValidationError(
            {
                "urn": _(
                    "Only schools and early-years settings have a URN. Choose that sector or remove the URN."
                )
            }
        )
    with transaction.atomic(), acting_as(by):
        organisation.full_clean()
        organisation.save()
    return organisation
