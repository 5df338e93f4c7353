"""Single-line fields keep no line breaks or control characters, and mail never 500s a page."""

import logging

import pytest
from django import forms
from django.core.mail import BadHeaderError
from django.urls import reverse

from actlocally.core.forms import GovUKForm
from actlocally.notifications.models import Notification
from actlocally.partnerships.models import Invitation, Role

from .pageforms import page_form, submit

pytestmark = pytest.mark.django_db


class NameForm(GovUKForm):
    name = forms.CharField(label="Name")
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)


@pytest.mark.parametrize("typed", ["Keighley\r\nBcc: x@evil.example", "Keighley\tBcc:\x0bx\x00"])
def test_single_line_field_turns_control_characters_into_spaces(typed):
    form = NameForm({"name": typed})
    assert form.is_valid() and "\n" not in form.cleaned_data["name"]
    assert all(ch.isprintable() for ch in form.cleaned_data["name"])


def test_textarea_keeps_its_line_breaks():
    form = NameForm({"name": "x", "notes": "one\ntwo"})
    assert form.is_valid() and form.cleaned_data["notes"] == "one\ntwo"


def test_partnership_name_saved_from_the_page_has_no_line_break(client, world):
    client.force_login(world.people["coordinator"])
    url = reverse("partnership_edit", kwargs={"slug": "keighley"})
    response = client.get(url)
    form = page_form(response, with_field="name").set("name", "Keighley\r\nBcc: x@evil.example")
    submit(client, response, form)
    world.keighley.refresh_from_db()
    assert "\n" not in world.keighley.name and "\r" not in world.keighley.name


def invite_from_the_page(client, email="parent@example.org"):
    url = reverse("member_invite", kwargs={"slug": "keighley"})
    response = client.get(url)
    form = page_form(response, with_field="email")
    form.set("full_name", "A Parent").set("email", email).set("role", Role.COMMUNITY_REP)
    return submit(client, response, form)


def test_invitation_still_sends_when_the_name_already_has_a_line_break(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    """Names saved before this fix may hold a line break: the subject is made one line."""
    world.keighley.name = "Act Locally:\nKeighley"
    world.keighley.save()
    client.force_login(world.people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = invite_from_the_page(client)
    assert response.status_code == 302 and mailoutbox[0].subject.endswith("Act Locally: Keighley")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failed_send_is_no_500_and_tells_the_coordinator(client, world, monkeypatch, caplog):
    """A real commit (no test transaction around it), so the send runs as it does live."""

    def broken_send(*args, **kwargs):
        raise BadHeaderError("Header values can't contain newlines")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    client.force_login(world.people["coordinator"])
    with caplog.at_level(logging.ERROR):
        response = invite_from_the_page(client)
    page = client.get(response.url).content.decode()
    assert response.status_code == 302
    assert "could not send the invitation email to parent@example.org" in page
    assert "parent@example.org" in caplog.text


def test_failed_send_leaves_the_invitation_whole(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send", lambda *a, **k: (_ for _ in ()).throw(OSError())
    )
    client.force_login(world.people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        invite_from_the_page(client)
    assert Invitation.objects.filter(email="parent@example.org", accepted_at=None).count() == 1


def test_failed_send_keeps_no_copy_of_the_invitation_link(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send", lambda *a, **k: (_ for _ in ()).throw(OSError())
    )
    client.force_login(world.people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        invite_from_the_page(client)
    notification = Notification.objects.get(email="parent@example.org")
    assert (notification.body, notification.emailed_at) == ("", None)
