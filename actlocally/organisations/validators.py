"""Checks for the public identifiers organisations carry, with messages saying what is expected."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

URN_RE = re.compile(r"^\d{6}$")
CHARITY_NUMBER_RE = re.compile(r"^\d{6,7}(-\d{1,2})?$")
COMPANY_NUMBER_RE = re.compile(r"^(\d{8}|[A-Z]{2}\d{6})$")


URN_MESSAGE = _("Enter the school's unique reference number (URN) as 6 digits, like 107326.")
CHARITY_MESSAGE = _(
    "Enter a Charity Commission registered number of 6 or 7 digits, like 1123456, "
    "with -1 after it for a linked charity."
)
COMPANY_MESSAGE = _(
    "Enter a Companies House number of 8 characters: 8 digits like 01234567, "
    "or 2 letters and 6 digits like SC123456."
)


def validate_urn(value: str) -> None:
    if not URN_RE.match(value):
        raise ValidationError(URN_MESSAGE, code="invalid_urn")


def validate_charity_number(value: str) -> None:
    if not CHARITY_NUMBER_RE.match(value):
        raise ValidationError(CHARITY_MESSAGE, code="invalid_charity_number")


def validate_company_number(value: str) -> None:
    if not COMPANY_NUMBER_RE.match(value):
        raise ValidationError(COMPANY_MESSAGE, code="invalid_company_number")
