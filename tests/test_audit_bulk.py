"""Bulk writes on audited models leave an audit trail like single saves do, with who made them."""

import datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from actlocally.meetings import services as meetings
from actlocally.meetings.models import AgendaItem, Decision
from actlocally.theory import services as theory
from actlocally.theory.models import Element

from . import factories


def entries(model, action):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), action=action
    )


def test_writing_a_theory_of_change_audits_each_new_box_with_its_author(world):
    author = world.people["research_partner"]
    theory.save_theory(focus_issue=world.focus, inputs=["Volunteers", "School halls"], by=author)
    created = entries(Element, LogEntry.Action.CREATE)
    assert [(e.object_repr != "", e.actor) for e in created] == [(True, author), (True, author)]


def test_reordering_an_agenda_audits_the_items_that_moved(world):
    start = timezone.now() + datetime.timedelta(days=14)
    m = factories.MeetingFactory(
        partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    first = factories.AgendaItemFactory(meeting=m, order=1, title="First")
    factories.AgendaItemFactory(meeting=m, order=2, title="Second")
    before = set(entries(AgendaItem, LogEntry.Action.UPDATE).values_list("pk", flat=True))
    meetings.move_agenda_item(item=first, up=False, by=world.people["coordinator"])
    moved = entries(AgendaItem, LogEntry.Action.UPDATE).exclude(pk__in=before)
    assert sorted((e.object_repr, e.actor) for e in moved) == sorted(
        (str(item), world.people["coordinator"]) for item in m.agenda.all()
    )


def test_minutes_audit_each_new_decision_with_who_wrote_them(world):
    start = timezone.now() - datetime.timedelta(days=1)
    m = factories.MeetingFactory(
        partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    item = factories.AgendaItemFactory(meeting=m)
    coordinator = world.people["coordinator"]
    meetings.save_minutes(
        meeting=m,
        minutes={item.pk: ("Notes", ["Ask the schools", "Map the clinics"])},
        by=coordinator,
    )
    created = entries(Decision, LogEntry.Action.CREATE)
    assert sorted((e.object_repr, e.actor) for e in created) == [
        ("Ask the schools", coordinator),
        ("Map the clinics", coordinator),
    ]


def test_rewriting_a_theory_of_change_audits_the_boxes_it_replaces(world):
    author = world.people["research_partner"]
    theory.save_theory(focus_issue=world.focus, inputs=["Volunteers"], by=author)
    theory.save_theory(focus_issue=world.focus, inputs=["School halls"], by=author)
    deleted = entries(Element, LogEntry.Action.DELETE)
    assert [(e.object_repr, e.actor) for e in deleted] == [("Volunteers", author)]
