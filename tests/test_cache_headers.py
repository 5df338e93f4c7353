"""Signed-in pages are never stored by a browser or proxy; public pages may be."""

import pytest

from .factories import UserFactory


@pytest.mark.django_db
def test_a_signed_in_page_says_no_store(client):
    client.force_login(UserFactory())
    response = client.get("/dashboard/")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_public_page_is_not_marked_no_store(client):
    response = client.get("/accessibility/")
    assert "no-store" not in response.get("Cache-Control", "")
