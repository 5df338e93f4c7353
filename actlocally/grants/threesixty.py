"""Published awards in the 360Giving Data Standard: the JSON package, checked against the
standard's own schemas (a copy ships in standards/360giving/, so nothing is fetched).

Grant identifiers start with the operator's prefix (settings.GRANTS_360GIVING_PREFIX);
recipients carry GB-CHC-<charity number> or GB-COH-<company number> where they gave one; the
beneficiary location is the ward the work happens in (its ONS code, geoCodeType WD)."""

import datetime
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .models import Award, FundingRound

STANDARD = Path(__file__).resolve().parent / "standards" / "360giving"
# The package schema names the grant schema by this address; it is the copy beside it.
GRANT_SCHEMA_URL = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json"
VERSION = "1.4"
ILLUSTRATIVE = "Illustrative (made-up demonstration data): "


def published_awards(funding_round: FundingRound | None = None):
    """Every award of a published round (or of one round), for the export."""
    awards = (
        Award.objects.filter(application__round__status=FundingRound.Status.PUBLISHED)
        .select_related(
            "application__round__partnership__local_authority", "application__ward", "agreement"
        )
        .prefetch_related("payments")
    )
    if funding_round is not None:
        awards = awards.filter(application__round=funding_round)
    return awards.order_by("application__round_id", "pk")


def _amount(pence: int) -> int | float:
    return pence // 100 if pence % 100 == 0 else pence / 100


def recipient_id(application, prefix: str) -> str:
    """The Organisation Identifier Standard's id: the charity or company number where known."""
    if application.charity_number:
        return f"GB-CHC-{application.charity_number}"
    if application.company_number:
        return f"GB-COH-{application.company_number}"
    return f"{prefix}-org-{application.pk}"


def grant(award: Award, *, prefix: str) -> dict:
    application = award.application
    funding_round = application.round
    partnership = funding_round.partnership
    marked = ILLUSTRATIVE if award.illustrative or funding_round.illustrative else ""
    recipient = {"id": recipient_id(application, prefix), "name": application.organisation_name}
    if application.charity_number:
        recipient["charityNumber"] = application.charity_number
    if application.company_number:
        recipient["companyNumber"] = application.company_number
    found = {
        "id": f"{prefix}-{award.pk}",
        "title": f"{marked}{application.project_title}",
        "description": (
            f"{marked}{application.project_title}, by {application.organisation_name}: "
            f"a grant from {partnership.name}'s community budget ({funding_round.title}). "
            f"{award.reason}"
        ),
        "currency": "GBP",
        "amountAppliedFor": _amount(application.amount_requested_pence),
        "amountAwarded": _amount(award.amount_pence),
        "awardDate": timezone.localtime(award.decided_at).date().isoformat(),
        "fromOpenCall": "Yes",
        "recipientOrganization": [recipient],
        "fundingOrganization": [{"id": f"{prefix}-{partnership.slug}", "name": partnership.name}],
        "grantProgramme": [
            {"code": f"{prefix}-round-{funding_round.pk}", "title": funding_round.title}
        ],
        "dateModified": timezone.localtime(award.decided_at).isoformat(),
    }
    agreement = getattr(award, "agreement", None)
    if agreement is not None:
        found["plannedDates"] = [
            {"startDate": agreement.starts_on.isoformat(), "endDate": agreement.ends_on.isoformat()}
        ]
    paid = sum(p.amount_pence for p in award.payments.all() if p.paid_on)
    if paid:
        found["amountDisbursed"] = _amount(paid)
    if application.ward is not None:
        found["beneficiaryLocation"] = [
            {
                "name": application.ward.name,
                "geoCode": application.ward.code,
                "geoCodeType": "WD",
                "countryCode": "GB",
            }
        ]
    return found


def package(awards, *, issued: datetime.date | None = None) -> dict:
    prefix = settings.GRANTS_360GIVING_PREFIX
    grants = [grant(a, prefix=prefix) for a in awards]
    illustrative = any(g["title"].startswith(ILLUSTRATIVE) for g in grants)
    return {
        "version": VERSION,
        "title": ("Illustrative: " if illustrative else "")
        + f"Community budget grants published by {settings.GRANTS_360GIVING_PUBLISHER}",
        "issued": (issued or timezone.localdate()).isoformat(),
        "publisher": {"name": settings.GRANTS_360GIVING_PUBLISHER},
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "grants": grants,
    }


@cache
def validator():
    """A validator of the package schema, resolving the grant schema to the local copy."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    grant_schema = json.loads((STANDARD / "360-giving-schema.json").read_text())
    package_schema = json.loads((STANDARD / "360-giving-package-schema.json").read_text())
    # jsonschema checks uniqueItems by comparing every pair of grants (half a million comparisons
    # for a thousand grants, most of the export's time); errors_in checks it in one pass instead.
    del package_schema["properties"]["grants"]["uniqueItems"]
    # The copies name their dialect as http://…/2020-12/schema, which `referencing` does not
    # recognise from the text: say it.
    resource = DRAFT202012.create_resource(grant_schema)
    registry = Registry().with_resources(
        [(GRANT_SCHEMA_URL, resource), (grant_schema["$id"], resource)]
    )
    return Draft202012Validator(
        package_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _repeated_grants(grants) -> list[str]:
    """The standard's uniqueItems rule on grants, in one pass: each grant's canonical JSON."""
    if not isinstance(grants, list):
        return []
    seen: dict[str, int] = {}
    found = []
    for index, item in enumerate(grants):
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            found.append(f"grants/{index}: repeats grant {seen[key]} exactly; remove one of them")
        else:
            seen[key] = index
    return found


def errors_in(data: dict) -> list[str]:
    """What makes the package invalid against the standard, in its own words (none if valid)."""
    errors = [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(package)'}: {e.message}"
        for e in validator().iter_errors(data)
    ]
    if isinstance(data, dict):
        errors += _repeated_grants(data.get("grants"))
    return errors
