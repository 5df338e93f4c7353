"""Property-based fuzzing of the indicator-data importer and its upload page: arbitrary bytes and
mutated good files. Whatever the file, it is either saved whole or refused with ImportRefused; a
refusal writes nothing, every problem names a row (or the header) and the page never answers 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.measurement.importers import ImportRefused, import_figures
from actlocally.measurement.models import DataPoint
from tests import factories
from tests.test_places_importers_fuzz import mutated_csv

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

GOOD = (
    "indicator,period,area code,numerator,denominator,value,note\n"
    "absence,2023/24,E01000001,60,500,,\n"
    "absence,2022/23,E01000001,40,500,,\n"
    "absence,2023/24,area,40,500,,\n"
    "absence,2023/24,E08000032,500,10000,,Bradford\n"
    "absence,2023/24,E92000001,5000,100000,,England\n"
)


@pytest.fixture
def partnership(db):
    la = factories.LocalAuthorityFactory(code="E08000032", name="Bradford")
    p = factories.PartnershipFactory(local_authority=la, slug="keighley")
    factories.LsoaFactory(code="E01000001")
    factories.IndicatorFactory(local_authority=la, key="absence")
    return p


FILES = st.one_of(mutated_csv(GOOD), st.binary(max_size=300))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=FILES)
def test_importer_saves_all_or_refuses_with_rows(partnership, data):
    DataPoint.objects.all().delete()
    try:
        saved = import_figures(data=data, name="fuzz.csv", partnership=partnership, by=None)
    except ImportRefused as refused:
        assert DataPoint.objects.count() == 0
        assert refused.errors
        for e in refused.errors:
            assert e.file == "fuzz.csv" and e.message
    else:
        assert DataPoint.objects.count() == saved


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=2000))
def test_xlsx_of_any_bytes_is_refused_not_crashed(partnership, data):
    with pytest.raises(ImportRefused):
        import_figures(data=data, name="fuzz.xlsx", partnership=partnership, by=None)
    assert DataPoint.objects.count() == 0


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=FILES, name=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_upload_page_never_fails(client, partnership, data, name):
    person = factories.MembershipFactory(partnership=partnership, role="research_partner").person
    client.force_login(person)
    response = client.post(
        reverse("measurement_upload", kwargs={"slug": partnership.slug}),
        {"file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code in (200, 302)
