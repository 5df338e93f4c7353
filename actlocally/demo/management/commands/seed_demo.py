"""Loads the Bradford demo (three partnerships and one login per role); safe to run again."""

import datetime
import importlib
import importlib.util
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actlocally.accounts.models import User
from actlocally.accounts.services import create_person
from actlocally.journey.models import Step
from actlocally.journey.services import update_step
from actlocally.organisations.models import Organisation
from actlocally.organisations.services import save_organisation
from actlocally.partnerships import services
from actlocally.partnerships.models import LocalAuthority, Partnership, TimelineEvent

from ... import bradford
from ...personas import DEMO_PASSWORD, PERSONAS


class Command(BaseCommand):
    help = "Load the Bradford demo data and demo logins (demo mode only). Does nothing if loaded."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data loads only in demo mode: set ACTLOCALLY_DEMO=1.")
        if LocalAuthority.objects.filter(code=bradford.LOCAL_AUTHORITY["code"]).exists():
            self.stdout.write("Demo data is already loaded.")
            return
        with transaction.atomic():
            context = load_demo()
            # Each app may add its own demo data: a `demo` module with a `load_demo(context)`.
            for app in apps.get_app_configs():
                if app.name.startswith("actlocally.") and importlib.util.find_spec(
                    f"{app.name}.demo"
                ):
                    importlib.import_module(f"{app.name}.demo").load_demo(context)
        self.stdout.write(self.style.SUCCESS("Loaded the Bradford demo."))


@dataclass
class DemoContext:
    """What app demo loaders build on: the Bradford partnerships (by slug), the demo people (by
    persona key, see personas.py), the organisations (by name) and the acting site-staff user."""

    partnerships: dict
    people: dict
    organisations: dict
    by: object


def load_demo() -> DemoContext:
    people = {
        key: User.objects.filter(email=email).first()
        or create_person(
            email=email,
            full_name=name,
            job_title=job,
            password=DEMO_PASSWORD,
            email_verified=True,
            is_staff=(key == "staff"),
        )
        for key, email, name, job, _sees in PERSONAS
    }
    staff = people["staff"]
    orgs = {}
    for name, sector, description in bradford.ORGANISATIONS:
        orgs[name] = Organisation.objects.filter(name=name).first() or save_organisation(
            organisation=Organisation(name=name, sector=sector, description=description), by=staff
        )
    backbone = orgs["Education Alliance for Life Chances"]
    la = services.set_up_local_authority(
        **bradford.LOCAL_AUTHORITY,
        board_name=bradford.BOARD["name"],
        purpose=bradford.BOARD["purpose"],
        backbone=backbone,
        by=staff,
    )
    for key, role, org in bradford.BOARD_MEMBERSHIPS:
        services.add_board_member(
            board=la.board, person=people[key], role=role, organisation=orgs[org], by=staff
        )

    steps = {s.key: s for s in Step.objects.all()}
    partnerships: dict[str, Partnership] = {}
    began: dict[str, datetime.date] = {}
    for data in bradford.PARTNERSHIPS:
        p = services.create_partnership(
            local_authority=la,
            slug=data["slug"],
            name=data["name"],
            area_name=data["area_name"],
            area_description=data["area_description"],
            summary=data["summary"],
            backbone=backbone,
            research_partner=orgs["Centre for Applied Education Research"],
            by=staff,
        )
        partnerships[p.slug] = p
        services.set_partner_organisations(
            partnership=p, organisations=[orgs[n] for n in data["partners"]], by=staff
        )
        focus = data["focus"]
        began[p.slug] = focus["started_on"]
        services.set_focus_issue(
            partnership=p,
            title=focus["title"],
            summary=focus["summary"],
            started_on=focus["started_on"],
            outcomes=focus["outcomes"],
            by=staff,
        )
        for starts, ends, precision, kind, title, details in [
            *bradford.SHARED_HISTORY,
            *data["timeline"],
        ]:
            services.save_timeline_event(
                event=TimelineEvent(
                    partnership=p,
                    starts_on=starts,
                    ends_on=ends,
                    precision=precision,
                    kind=kind,
                    title=title,
                    details=details,
                ),
                by=staff,
            )
        for text in data["early_impact"]:
            services.add_early_impact(partnership=p, period="2023 to 2024", text=text, by=staff)
        for key, (status, on, evidence) in data["journey"].items():
            update_step(
                partnership=p,
                step=steps[key],
                status=status,
                on=on,
                note="From the public source material.",
                evidence_label=evidence,
                evidence_url="",
                by=staff,
            )
    for key, slug, role, org in bradford.MEMBERSHIPS:
        services.add_member(
            partnership=partnerships[slug],
            person=people[key],
            role=role,
            organisation=orgs[org] if org else None,
            # Illustrative, like the people: each joined when their partnership's focus issue
            # began, not on the day the demo was loaded.
            joined_on=began[slug],
            by=staff,
        )
    return DemoContext(partnerships=partnerships, people=people, organisations=orgs, by=staff)
