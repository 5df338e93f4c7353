"""Every Statement of Intent model says, field by field, whether it holds personal data; and the
demo loads an agreed Statement of Intent for each Bradford partnership."""

import pytest
from django.core.management import call_command

from actlocally.statements.models import Recommendation, Statement, StatementVersion


@pytest.mark.parametrize("model", [Statement, StatementVersion, Recommendation])
def test_personal_data_names_every_field(model):
    fields = {f.name for f in model._meta.concrete_fields if f.name != "id"}
    assert set(model.PERSONAL_DATA) == fields


@pytest.mark.django_db
def test_demo_has_an_agreed_statement_for_each_bradford_partnership(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    agreed = StatementVersion.objects.filter(status="agreed")
    assert sorted(v.statement.partnership.slug for v in agreed) == [
        "holme-wood",
        "keighley",
        "manningham-girlington",
    ]
