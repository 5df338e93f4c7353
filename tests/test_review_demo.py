"""The demo's Review & Learn: two agreed capability reviews per Bradford partnership, case
studies true to the seeds with consent for those published, lessons, a 2023/24 impact report,
everything labelled illustrative, and loading twice adds nothing."""

import pytest
from django.core.management import call_command

from actlocally.partnerships.models import Partnership
from actlocally.review.models import CapabilityReview, CaseStudy, ImpactReport, Lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, settings):
    settings.DEMO_MODE = True


def test_the_demo_loads_review_and_learn_for_every_partnership(demo):
    for partnership in Partnership.objects.filter(local_authority__code="E08000032"):
        years = list(
            CapabilityReview.objects.filter(partnership=partnership, status="agreed")
            .order_by("academic_year")
            .values_list("academic_year", flat=True)
        )
        assert years == ["2022/23", "2023/24"], partnership.slug
        assert partnership.case_studies.filter(publishable=True).exists(), partnership.slug
        assert partnership.lessons.exists(), partnership.slug
        assert partnership.impact_reports.filter(academic_year="2023/24").exists(), partnership.slug
    for model in (CapabilityReview, CaseStudy, Lesson, ImpactReport):
        assert not model.objects.filter(illustrative=False).exists(), model.__name__
    assert not CaseStudy.objects.filter(publishable=True, consent_by="").exists()
    counts = [m.objects.count() for m in (CapabilityReview, CaseStudy, Lesson, ImpactReport)]
    call_command("seed_demo", verbosity=0)
    assert [
        m.objects.count() for m in (CapabilityReview, CaseStudy, Lesson, ImpactReport)
    ] == counts
