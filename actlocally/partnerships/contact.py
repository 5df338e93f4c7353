"""A partnership's public contact: one email address, phone number or web address, checked and
turned into the link a resident's phone can follow."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

# A UK or international number as people write it: digits, spaces, brackets, dashes, a leading +.
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{8,18}[0-9]$")
PHONE_DIGITS = range(10, 14)
WEB = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Contact:
    kind: str
    text: str
    href: str


def parse_contact(value: str) -> Contact:
    """The kind of contact and its link; ValidationError when it is none of the three."""
    text = value.strip()
    if "@" in text and "/" not in text:
        try:
            EmailValidator()(text)
        except ValidationError:
            raise ValidationError(
                _("Enter an email address in the correct format, like name@example.org"),
                code="email",
            ) from None
        return Contact("email", text, f"mailto:{text}")
    if PHONE.match(text) and len(re.sub(r"\D", "", text)) in PHONE_DIGITS:
        return Contact("phone", text, "tel:" + re.sub(r"[^0-9+]", "", text))
    if re.match(r"^[a-z][a-z0-9+.\-]*:(?!\d)", text, re.IGNORECASE) and not re.match(
        r"^https?://", text, re.IGNORECASE
    ):
        raise ValidationError(_("A web address must start with https:// or http://"), code="scheme")
    web = text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"
    try:
        WEB(web)
    except ValidationError:
        raise ValidationError(
            _(
                "Enter an email address, a phone number or a web address, like "
                "name@example.org, 01274 123456 or https://example.org"
            ),
            code="invalid",
        ) from None
    return Contact("web", web, web)


def validate_contact(value: str) -> None:
    if value:
        parse_contact(value)
