"""Loads a demo from a data folder: one local authority's people, partnerships and history.

A folder under demo/data/ (README.md there describes the files) is a whole demo: this module loads
what every demo has (people, organisations, the local authority and its board, partnerships, their
journeys and members) and then hands the rest to each app's loader, a `demo` module in the app with
a `load_demo(context)` that reads its own file through `context.section(...)`. A new app adds its
demo by adding that module; a new local authority adds a folder, not code.
"""

import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from actlocally.accounts.models import User
from actlocally.accounts.services import create_person
from actlocally.journey.blueprint import StepKey
from actlocally.journey.models import Step
from actlocally.journey.services import update_step
from actlocally.organisations.models import Organisation
from actlocally.organisations.services import save_organisation
from actlocally.partnerships import services
from actlocally.partnerships.models import LocalAuthority, Partnership, TimelineEvent

DATA = Path(__file__).resolve().parent / "data"
DEFAULT = "bradford"
# The one password every demo login uses (documented in the README; demo mode only).
DEMO_PASSWORD = "actlocally-demo"  # noqa: S105
# The note on every journey step the demo sets, unless the data gives its own.
JOURNEY_NOTE = "From the public source material."


def folder_for(name: str | Path) -> Path:
    """A demo's folder: a name under demo/data/ (like "bradford") or a path to a folder."""
    path = Path(name)
    folder = path if path.is_dir() else DATA / str(name)
    if not (folder / "authority.yaml").is_file():
        raise ImproperlyConfigured(f"{folder} is not a demo data folder: it has no authority.yaml")
    return folder


def read_folder(folder: Path) -> dict[str, Any]:
    """Every YAML file of the folder, by its name without .yaml."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for path in sorted(folder.glob("*.yaml"))
    }


def read_people(name: str | Path = DEFAULT) -> list[dict]:
    """The demo's people (for the sign-in page's demo logins), without reading the rest."""
    path = folder_for(name) / "people.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("people", [])


def is_loaded(data: dict) -> bool:
    return LocalAuthority.objects.filter(code=data["authority"]["local_authority"]["code"]).exists()


@dataclass
class DemoContext:
    """What app demo loaders build on: the demo's data (by file), its partnerships (by slug), its
    people (by key, see people.yaml), its organisations (by name) and the acting site-staff user."""

    folder: Path
    data: dict
    partnerships: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    by: object = None

    def section(self, name: str) -> Any:
        """The contents of `name`.yaml, or None when this demo has no such file (so an app's
        loader does nothing for a demo that leaves its part out)."""
        return self.data.get(name)


def load(name: str | Path = DEFAULT) -> DemoContext:
    """Load the demo in the folder `name`, then each app's part of it. Run it in a transaction."""
    folder = folder_for(name)
    context = DemoContext(folder=folder, data=read_folder(folder))
    _load_core(context)
    for app in apps.get_app_configs():
        if app.name.startswith("actlocally.") and importlib.util.find_spec(f"{app.name}.demo"):
            importlib.import_module(f"{app.name}.demo").load_demo(context)
    return context


def _load_core(context: DemoContext) -> None:
    authority = context.data["authority"]
    people = context.data.get("people", {}).get("people", [])
    context.people = {
        p["key"]: User.objects.filter(email=p["email"]).first()
        or create_person(
            email=p["email"],
            full_name=p["name"],
            job_title=p.get("job_title", ""),
            password=DEMO_PASSWORD,
            email_verified=True,
            is_staff=(p["key"] == "staff"),
        )
        for p in people
    }
    if "staff" not in context.people:
        raise ImproperlyConfigured("people.yaml needs a person with the key 'staff' (site staff).")
    staff = context.by = context.people["staff"]
    orgs = context.organisations
    for org in authority["organisations"]:
        orgs[org["name"]] = Organisation.objects.filter(
            name=org["name"]
        ).first() or save_organisation(
            organisation=Organisation(
                name=org["name"], sector=org["sector"], description=org.get("description", "")
            ),
            by=staff,
        )
    board = authority["board"]
    la = services.set_up_local_authority(
        **authority["local_authority"],
        board_name=board["name"],
        purpose=board.get("purpose", ""),
        backbone=orgs[board["backbone"]],
        by=staff,
    )
    for member in board.get("members", []):
        services.add_board_member(
            board=la.board,
            person=context.people[member["person"]],
            role=member["role"],
            organisation=orgs.get(member.get("organisation")),
            by=staff,
        )
    steps = {s.key: s for s in Step.objects.all()}
    for data in context.data.get("partnerships", {}).get("partnerships", []):
        context.partnerships[data["slug"]] = _load_partnership(
            data, authority=authority, la=la, steps=steps, context=context
        )


def _load_partnership(data: dict, *, authority: dict, la, steps: dict, context) -> Partnership:
    orgs, staff = context.organisations, context.by
    research = data.get("research_partner", authority.get("research_partner"))
    p = services.create_partnership(
        local_authority=la,
        slug=data["slug"],
        name=data["name"],
        area_name=data["area_name"],
        area_description=data.get("area_description", ""),
        summary=data.get("summary", ""),
        backbone=orgs[data.get("backbone", authority["board"]["backbone"])],
        research_partner=orgs[research] if research else None,
        began_on=data.get("began_on"),
        by=staff,
    )
    partners = [*authority.get("common_partners", []), *data.get("partners", [])]
    services.set_partner_organisations(
        partnership=p, organisations=[orgs[n] for n in partners], by=staff
    )
    focus = data["focus"]
    services.set_focus_issue(
        partnership=p,
        title=focus["title"],
        summary=focus.get("summary", ""),
        started_on=focus["started_on"],
        outcomes=focus.get("outcomes", []),
        by=staff,
    )
    for event in [*authority.get("shared_history", []), *data.get("timeline", [])]:
        services.save_timeline_event(
            event=TimelineEvent(
                partnership=p,
                starts_on=event["starts_on"],
                ends_on=event.get("ends_on"),
                precision=event["precision"],
                kind=event["kind"],
                title=event["title"],
                details=event.get("details", ""),
            ),
            by=staff,
        )
    impact = data.get("early_impact")
    for text in impact["items"] if impact else []:
        services.add_early_impact(
            partnership=p,
            period=impact["period"],
            text=text,
            on=impact.get("collated_on"),
            by=staff,
        )
    for key, step in data.get("journey", {}).items():
        if key not in set(StepKey):
            raise ImproperlyConfigured(f"{data['slug']}: {key!r} is not a step of the blueprint")
        update_step(
            partnership=p,
            step=steps[key],
            status=step["status"],
            on=step.get("date"),
            note=step.get("note", JOURNEY_NOTE),
            evidence_label=step.get("evidence", ""),
            evidence_url="",
            by=staff,
        )
    for member in data.get("members", []):
        services.add_member(
            partnership=p,
            person=context.people[member["person"]],
            role=member["role"],
            organisation=orgs[member["organisation"]] if member.get("organisation") else None,
            # Illustrative, like the people: each joined when their partnership's focus issue
            # began (unless the data says otherwise), not on the day the demo was loaded.
            joined_on=member.get("joined_on", focus["started_on"]),
            by=staff,
        )
    return p
