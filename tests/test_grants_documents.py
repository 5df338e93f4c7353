"""Documents attached to applications (checked by content and extension, size-limited, kept in
private storage, served only to those allowed) and clarification requests (only the named
questions reopen; who and when recorded; the applicant told)."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import Workbook

from actlocally.grants import files, services
from actlocally.grants.models import Application, Attachment
from actlocally.notifications.models import Notification
from tests import factories
from tests import factories_grants as f
from tests.pageforms import page_form, read_forms, submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _docx() -> bytes:
    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def _zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("payload.js", "alert(1)")
    return out.getvalue()


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GRANTS_PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.GRANTS_PRIVATE_ROOT


@pytest.fixture
def open_round(world):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(),
        status="open",
        opens_on=timezone.localdate() - datetime.timedelta(days=7),
        closes_at=timezone.now() + datetime.timedelta(days=7),
        panel_meeting_on=timezone.localdate() + datetime.timedelta(days=14),
        decision_on=timezone.localdate() + datetime.timedelta(days=21),
    )
    f.QuestionFactory(round=funding_round, text="Who will come?", word_limit=50)
    f.QuestionFactory(round=funding_round, text="What will it cost?", word_limit=50)
    return funding_round


@pytest.fixture
def applicant():
    return factories.UserFactory()


@pytest.fixture
def draft(open_round, applicant):
    return f.ApplicationFactory(round=open_round, applicant=applicant)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


# What may be attached ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("constitution.pdf", PDF, "pdf"),
        ("budget.xlsx", _xlsx(), "xlsx"),
        ("plan.docx", _docx(), "docx"),
        ("poster.png", PNG, "png"),
        ("photo.JPG", JPEG, "jpeg"),
    ],
)
def test_each_allowed_kind_is_recognised_by_its_content(name, content, kind):
    assert files.kind_of(upload(name, content)) == kind


def test_a_file_renamed_to_pdf_is_refused_by_its_content():
    with pytest.raises(ValidationError, match="is not the kind of file its name says"):
        files.kind_of(upload("accounts.pdf", b"<html><script>alert(1)</script></html>"))


def test_a_zip_named_docx_without_a_word_document_is_refused():
    with pytest.raises(ValidationError, match="is not the kind of file its name says"):
        files.kind_of(upload("plan.docx", _zip_without_word()))


def test_a_word_document_named_xlsx_is_refused():
    with pytest.raises(ValidationError, match="is not the kind of file its name says"):
        files.kind_of(upload("budget.xlsx", _docx()))


def test_an_extension_not_on_the_list_is_refused():
    with pytest.raises(ValidationError, match="Attach a PDF, Word"):
        files.kind_of(upload("setup.exe", b"MZ\x90\x00"))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.GRANTS_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="must be smaller than 100"):
        files.kind_of(upload("big.pdf", PDF + b" " * 200))


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        files.kind_of(upload("empty.pdf", b""))


# Where it is kept --------------------------------------------------------------------------------


def test_attachment_is_stored_in_private_storage_under_a_random_name(
    draft, applicant, private_root
):
    attachment = services.attach(
        application=draft, uploaded=upload("../../etc/passwd.pdf", PDF), by=applicant
    )
    stored = private_root / attachment.file.name
    assert (stored.read_bytes(), "passwd" in attachment.file.name) == (PDF, False)


def test_private_storage_gives_no_public_address(draft, applicant):
    attachment = services.attach(application=draft, uploaded=upload("a.pdf", PDF), by=applicant)
    with pytest.raises(ValueError, match="no public address"):
        attachment.file.url  # noqa: B018


def test_removing_an_attachment_deletes_its_file(
    draft, applicant, private_root, django_capture_on_commit_callbacks
):
    attachment = services.attach(application=draft, uploaded=upload("a.pdf", PDF), by=applicant)
    stored = private_root / attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(attachment=attachment, by=applicant)
    assert not stored.exists()


def test_someone_else_cannot_attach_to_an_application(draft):
    with pytest.raises(PermissionDenied):
        services.attach(
            application=draft, uploaded=upload("a.pdf", PDF), by=factories.UserFactory()
        )


def test_a_submitted_application_takes_no_more_documents(draft, applicant):
    Application.objects.filter(pk=draft.pk).update(status="submitted", submitted_at=timezone.now())
    with pytest.raises(ValidationError, match="can no longer change"):
        services.attach(application=draft, uploaded=upload("a.pdf", PDF), by=applicant)


def test_documents_are_limited_in_number(draft, applicant, settings):
    settings.GRANTS_ATTACHMENTS_PER_APPLICATION = 1
    services.attach(application=draft, uploaded=upload("a.pdf", PDF), by=applicant)
    with pytest.raises(ValidationError, match="at most 1 documents"):
        services.attach(application=draft, uploaded=upload("b.pdf", PDF), by=applicant)


# Who may download --------------------------------------------------------------------------------


@pytest.fixture
def attached(draft, applicant):
    return services.attach(application=draft, uploaded=upload("plan.pdf", PDF), by=applicant)


def _download(client, user, attachment):
    client.force_login(user)
    return client.get(reverse("grants_document_download", kwargs={"pk": attachment.pk}))


def test_applicant_downloads_their_document(client, applicant, attached):
    response = _download(client, applicant, attached)
    assert (response.status_code, response.content) == (200, PDF)


def test_download_is_sent_as_an_attachment_that_is_not_sniffed(client, applicant, attached):
    response = _download(client, applicant, attached)
    assert (response["Content-Type"], response["X-Content-Type-Options"]) == (
        "application/pdf",
        "nosniff",
    )
    assert response["Content-Disposition"].startswith("attachment;")


def test_coordinator_downloads_a_document(client, world, attached):
    assert _download(client, world.people["coordinator"], attached).status_code == 200


def test_another_applicant_cannot_download(client, attached):
    assert _download(client, factories.UserFactory(), attached).status_code == 403


def test_a_partnership_member_who_does_not_run_it_cannot_download(client, world, attached):
    assert _download(client, world.people["member"], attached).status_code == 403


def test_a_panellist_without_a_conflict_downloads(client, attached):
    declaration = f.DeclarationFactory(
        application=attached.application,
        panellist__round=attached.application.round,
        conflicted=False,
    )
    assert _download(client, declaration.panellist.person, attached).status_code == 200


def test_a_conflicted_panellist_cannot_download(client, attached):
    declaration = f.DeclarationFactory(
        application=attached.application,
        panellist__round=attached.application.round,
        conflicted=True,
        note="I chair their trustees.",
    )
    assert _download(client, declaration.panellist.person, attached).status_code == 403


def test_a_panellist_who_has_not_declared_cannot_download(client, attached):
    panellist = f.PanellistFactory(round=attached.application.round)
    assert _download(client, panellist.person, attached).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client, attached):
    response = client.get(reverse("grants_document_download", kwargs={"pk": attached.pk}))
    assert response.status_code == 302


# From the pages ----------------------------------------------------------------------------------


def test_applicant_attaches_a_document_from_the_page(client, draft, applicant):
    client.force_login(applicant)
    response = client.get(reverse("grants_documents", kwargs={"pk": draft.pk}))
    form = page_form(response, with_field="file").attach("file", upload("plan.pdf", PDF))
    submit(client, response, form)
    assert list(draft.attachments.values_list("name", "kind")) == [("plan.pdf", "pdf")]


def test_documents_page_says_why_a_disguised_file_is_refused(client, draft, applicant):
    client.force_login(applicant)
    response = client.get(reverse("grants_documents", kwargs={"pk": draft.pk}))
    form = page_form(response, with_field="file").attach(
        "file", upload("plan.pdf", b"GIF89a not a pdf")
    )
    response = submit(client, response, form)
    assert "is not the kind of file its name says" in response.content.decode()


def test_applicant_removes_a_document_from_the_page(client, draft, applicant, attached):
    client.force_login(applicant)
    response = client.get(reverse("grants_documents", kwargs={"pk": draft.pk}))
    form = next(x for x in read_forms(response.content) if x.action.endswith("/remove/"))
    submit(client, response, form)
    assert not Attachment.objects.filter(pk=attached.pk).exists()


# Clarifications ----------------------------------------------------------------------------------


@pytest.fixture
def submitted(open_round, applicant):
    application = f.ApplicationFactory(round=open_round, applicant=applicant)
    for question in open_round.questions.all():
        f.AnswerFactory(application=application, question=question, text="As first written.")
    Application.objects.filter(pk=application.pk).update(
        status="submitted", submitted_at=timezone.now()
    )
    application.refresh_from_db()
    return application


def _ask(world, application, *questions):
    return services.request_clarification(
        application=application,
        question_ids=[q.pk for q in questions],
        message="Say how many children will come each week.",
        by=world.people["coordinator"],
    )


def test_clarification_records_who_asked_and_when(world, submitted, open_round):
    clarification = _ask(world, submitted, open_round.questions.first())
    assert (clarification.requested_by, clarification.requested_at is not None) == (
        world.people["coordinator"],
        True,
    )


def test_clarification_tells_the_applicant(world, submitted, open_round, applicant):
    _ask(world, submitted, open_round.questions.first())
    notification = Notification.objects.get(recipient=applicant)
    assert notification.kind == "grant_clarification"


def test_clarification_reopens_only_the_named_question(world, submitted, open_round, applicant):
    named, other = list(open_round.questions.all())
    _ask(world, submitted, named)
    services.save_answer(application=submitted, question=named, text="About twenty.", by=applicant)
    with pytest.raises(ValidationError, match="can no longer change"):
        services.save_answer(application=submitted, question=other, text="Changed.", by=applicant)


def test_a_submitted_answer_cannot_change_without_a_clarification(submitted, open_round, applicant):
    with pytest.raises(ValidationError, match="can no longer change"):
        services.save_answer(
            application=submitted,
            question=open_round.questions.first(),
            text="Changed.",
            by=applicant,
        )


def test_resubmitting_closes_the_question_again(world, submitted, open_round, applicant):
    named = open_round.questions.first()
    _ask(world, submitted, named)
    services.resubmit(application=submitted, by=applicant)
    with pytest.raises(ValidationError, match="can no longer change"):
        services.save_answer(application=submitted, question=named, text="Again.", by=applicant)


def test_resubmission_records_who_and_when(world, submitted, open_round, applicant):
    _ask(world, submitted, open_round.questions.first())
    clarification = services.resubmit(application=submitted, by=applicant)
    assert (clarification.resubmitted_by, clarification.resubmitted_at is not None) == (
        applicant,
        True,
    )


def test_eligibility_waits_for_the_clarification(world, submitted, open_round):
    _ask(world, submitted, open_round.questions.first())
    with pytest.raises(ValidationError, match="waiting for the applicant"):
        services.check_eligibility(
            application=submitted, eligible=True, reason="Fine.", by=world.people["coordinator"]
        )


def test_one_clarification_at_a_time(world, submitted, open_round):
    _ask(world, submitted, open_round.questions.first())
    with pytest.raises(ValidationError, match="already waiting"):
        _ask(world, submitted, open_round.questions.last())


def test_clarification_must_name_a_question_of_the_round(world, submitted):
    other = f.QuestionFactory()
    with pytest.raises(ValidationError, match="Choose the questions"):
        _ask(world, submitted, other)


def test_a_member_cannot_ask_for_a_clarification(world, submitted, open_round):
    with pytest.raises(PermissionDenied):
        services.request_clarification(
            application=submitted,
            question_ids=[open_round.questions.first().pk],
            message="Why?",
            by=world.people["member"],
        )


def test_clarification_from_the_pages_end_to_end(client, world, submitted, open_round, applicant):
    named = open_round.questions.first()
    client.force_login(world.people["coordinator"])
    url = reverse(
        "grants_clarify",
        kwargs={"slug": "keighley", "pk": open_round.pk, "application": submitted.pk},
    )
    response = client.get(url)
    form = page_form(response, with_field="message").tick("questions", str(named.pk))
    submit(client, response, form.set("message", "How many children each week?"))
    client.force_login(applicant)
    page = client.get(submitted.get_absolute_url())
    links = [x for x in read_forms(page.content) if x.action.endswith("/resubmit/")]
    answer_url = reverse(
        "grants_application_answer", kwargs={"pk": submitted.pk, "question": named.pk}
    )
    assert answer_url in page.content.decode()
    response = client.get(answer_url)
    submit(client, response, page_form(response, with_field="text").set("text", "Twenty."))
    submit(client, page, links[0])
    assert (
        submitted.answers.get(question=named).text,
        submitted.clarifications.get().resubmitted_at is not None,
    ) == ("Twenty.", True)


def test_applicant_page_offers_no_change_link_for_a_question_not_reopened(
    client, world, submitted, open_round, applicant
):
    named, other = list(open_round.questions.all())
    _ask(world, submitted, named)
    client.force_login(applicant)
    page = client.get(submitted.get_absolute_url()).content.decode()
    other_url = reverse(
        "grants_application_answer", kwargs={"pk": submitted.pk, "question": other.pk}
    )
    assert other_url not in page
