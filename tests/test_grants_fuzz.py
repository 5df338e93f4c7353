"""Fuzzing the community budget's inputs: any bytes under any name given as a document are
either recognised or refused in words (never another exception); any format asked of the
360Giving download is a file or a 404, never a server error."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.grants import files
from tests import factories_grants as f

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

NAMES = st.one_of(
    st.sampled_from(["a.pdf", "b.docx", "c.xlsx", "d.png", "e.jpeg", "f.JPG", "g", ".pdf"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/"), max_size=30),
)
STARTS = st.sampled_from([b"", b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"PK\x03\x04"])


@settings(max_examples=200, deadline=None)
@given(name=NAMES, start=STARTS, rest=st.binary(max_size=200))
def test_any_upload_is_recognised_or_refused_in_words(name, start, rest):
    try:
        kind = files.kind_of(SimpleUploadedFile(name or "x", start + rest))
    except ValidationError as error:
        assert error.message_dict["file"]
    else:
        assert kind in files.STARTS


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fmt=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="/"),
        min_size=1,
        max_size=12,
    )
)
def test_any_format_of_the_flat_download_is_a_file_or_not_found(client, world, fmt):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="published"
    )
    f.AwardFactory(application__round=funding_round)
    url = reverse("grants_public_360giving", kwargs={"pk": funding_round.pk}).replace(
        ".json", "." + fmt
    )
    assert client.get(url).status_code in (200, 404)
