"""Every model of ours says, for each field, whether it holds personal data (UK GDPR)."""

import pytest
from django.apps import apps

# Blueprint tables hold the published method, not data about anyone.
NOT_APPLICABLE = {"Phase", "Step"}


@pytest.mark.parametrize(
    "model",
    [
        m
        for m in apps.get_models()
        if m.__module__.startswith("actlocally.") and m.__name__ not in NOT_APPLICABLE
    ],
    ids=lambda m: m.__name__,
)
def test_every_field_has_a_personal_data_decision(model):
    fields = {f.name for f in model._meta.concrete_fields if not f.primary_key} | {
        f.name for f in model._meta.many_to_many
    }
    fields -= {"groups", "user_permissions"}
    assert fields - set(getattr(model, "PERSONAL_DATA", {})) == set()
