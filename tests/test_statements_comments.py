"""Comments on a circulated draft: members comment per section from the page, the co-ordinator
marks each addressed, comments stay with their version and show when reading or comparing it,
and every member is emailed when a draft is circulated or agreed."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from actlocally.notifications.models import Frequency, Kind
from actlocally.notifications.services import set_preferences
from actlocally.statements import services
from actlocally.statements.models import Comment
from actlocally.statements.notifications import tell_members

from .pageforms import page_form, read_forms, submit

AGREED = datetime.date(2024, 1, 15)


@pytest.fixture
def circulated(world):
    version = services.start_statement(focus_issue=world.focus, by=None)
    return services.transition(version=version, name="circulate", by=None)


def _comment_page(client, version, section=""):
    url = reverse("statement_comment", kwargs={"slug": "keighley", "number": version.number})
    return client.get(f"{url}?section={section}" if section else url)


def test_a_member_comments_on_a_section_from_the_page(client, world, circulated):
    client.force_login(world.people["member"])
    page = _comment_page(client, circulated)
    form = page_form(page, with_field="text")
    form.choose("section", "Agreed actions").set("text", "Add a breakfast club.")

    response = submit(client, page, form)

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.section, comment.text, comment.author) == (
        "actions",
        "Add a breakfast club.",
        world.people["member"],
    )


def test_the_section_link_chooses_the_section(client, world, circulated):
    client.force_login(world.people["member"])

    form = page_form(_comment_page(client, circulated, "outcomes"), with_field="text")

    assert form.values["section"] == ["outcomes"]


def test_a_comment_without_words_says_what_to_enter(client, world, circulated):
    client.force_login(world.people["member"])
    page = _comment_page(client, circulated)
    form = page_form(page, with_field="text").choose("section", "Desired outcomes")

    response = submit(client, page, form)

    assert "Enter your comment" in response.content.decode()


def test_the_circulated_draft_offers_a_comment_link_per_section(client, world, circulated):
    client.force_login(world.people["member"])

    page = client.get(circulated.get_absolute_url()).content.decode()

    assert page.count("Comment on this section") == 6


def test_a_draft_that_is_not_circulated_takes_no_comments(world):
    draft = services.start_statement(focus_issue=world.focus, by=None)

    with pytest.raises(ValidationError):
        services.add_comment(version=draft, section="actions", text="Hi", by=world.people["member"])


def test_an_observer_may_not_comment(world, circulated):
    with pytest.raises(PermissionDenied):
        services.add_comment(
            version=circulated, section="actions", text="Hi", by=world.people["observer"]
        )


@pytest.fixture
def comment(world, circulated):
    return services.add_comment(
        version=circulated,
        section="actions",
        text="Add a breakfast club.",
        by=world.people["member"],
    )


def test_the_coordinator_marks_a_comment_addressed_from_the_page(
    client, world, circulated, comment
):
    client.force_login(world.people["coordinator"])
    page = client.get(circulated.get_absolute_url())
    form = next(
        f
        for f in read_forms(page.content)
        if f.action.endswith(f"/comments/{comment.pk}/addressed/")
    )

    submit(client, page, form)

    comment.refresh_from_db()
    assert comment.is_addressed and comment.addressed_by == world.people["coordinator"]


def test_a_member_may_not_mark_a_comment_addressed(world, comment):
    with pytest.raises(PermissionDenied):
        services.mark_comment_addressed(comment=comment, by=world.people["member"])


def test_comments_stay_with_the_agreed_version_and_show_when_comparing(
    client, world, circulated, comment
):
    services.mark_comment_addressed(comment=comment, by=None)
    agreed = services.transition(
        version=circulated, name="agree", agreed_on=AGREED, agreed_by_whom="Us", by=None
    )
    services.start_new_draft(statement=agreed.statement, by=None)
    client.force_login(world.people["member"])

    reading = client.get(agreed.get_absolute_url()).content.decode()
    comparing = client.get(
        reverse("statement_compare", kwargs={"slug": "keighley"}) + "?from=1&to=2"
    ).content.decode()

    for page in (reading, comparing):
        assert "Add a breakfast club." in page and "Addressed" in page


def test_circulating_emails_every_member_after_commit(
    client, world, django_capture_on_commit_callbacks
):
    version = services.start_statement(focus_issue=world.focus, by=None)
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_transition",
        kwargs={"slug": "keighley", "number": version.number, "name": "circulate"},
    )
    page = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, page_form(page, index=-1))

    members = sorted(world.keighley.memberships.values_list("person__email", flat=True))
    # Each member once, and nobody outside the partnership.
    assert sorted(m.to[0] for m in mail.outbox) == members
    message = mail.outbox[0]
    assert "ready for comment" in message.subject
    assert f"http://testserver{version.get_absolute_url()}" in message.body


def test_agreeing_emails_every_member(world, circulated, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(
            version=circulated, name="agree", agreed_on=AGREED, agreed_by_whom="Us", by=None
        )

    members = sorted(world.keighley.memberships.values_list("person__email", flat=True))
    agreed = [m for m in mail.outbox if "has been agreed" in m.subject]
    assert sorted(m.to[0] for m in agreed) == members


def test_statement_emails_have_plain_text_html_and_an_unsubscribe_link(
    world, django_capture_on_commit_callbacks
):
    version = services.start_statement(focus_issue=world.focus, by=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(version=version, name="circulate", by=None)

    message = mail.outbox[0]
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html" and "Stop emails like this one" in html
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert "circulated version 1 of the Statement of Intent" in message.body


def test_a_member_who_turned_statement_emails_off_sees_it_only_in_the_list(
    world, django_capture_on_commit_callbacks
):
    member = world.people["member"]
    set_preferences(
        person=member, frequencies={Kind.STATEMENT_CIRCULATED: Frequency.OFF}, by=member
    )
    version = services.start_statement(focus_issue=world.focus, by=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(version=version, name="circulate", by=None)

    assert member.email not in [m.to[0] for m in mail.outbox]
    assert member.notifications.get().kind == Kind.STATEMENT_CIRCULATED


def test_telling_members_again_about_the_same_step_sends_nothing_new(
    world, circulated, django_capture_on_commit_callbacks
):
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        tell_members(version=circulated, by=None)

    assert len(mail.outbox) == sent


def test_nothing_is_sent_when_the_step_is_rolled_back(world, django_capture_on_commit_callbacks):
    version = services.start_statement(focus_issue=world.focus, by=None)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.transition(version=version, name="agree", by=None)

    assert mail.outbox == []


def test_the_page_reads_comments_in_a_fixed_number_of_queries(client, world, circulated):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.people["member"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(circulated.get_absolute_url())
        return len(captured)

    services.add_comment(
        version=circulated, section="actions", text="One", by=world.people["member"]
    )
    one = queries()
    for n in range(3):
        services.add_comment(
            version=circulated, section="outcomes", text=f"More {n}", by=world.people["member"]
        )
    assert queries() == one
