"""Factories for the access audit."""

import factory

from actlocally.accessaudit.models import AccessEvent, Kind
from tests.factories import UserFactory


class AccessEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessEvent

    person = factory.SubFactory(UserFactory)
    kind = Kind.MEMBER_LIST
    object_label = "Act Locally: Keighley"
    request_id = factory.Sequence(lambda n: f"{n:032x}")
