"""ORUK files: what we write validates against the shipped schema, an import with errors
writes nothing and says where each error is, and export then import gives the same services."""

import json

import pytest
from django.core.management import CommandError, call_command

from actlocally.hubs import oruk
from actlocally.hubs.exports import export_services
from actlocally.hubs.importers import ImportRejected, import_services
from actlocally.hubs.models import Service
from tests.factories import PartnershipFactory
from tests.factories_hubs import ServiceFactory, full_service

pytestmark = pytest.mark.django_db


def test_an_exported_service_validates_against_the_shipped_schema():
    service = full_service()

    [document] = export_services(service.partnership)

    assert oruk.errors_in(document, "compiled/service") == []


def shipped_example() -> dict:
    return json.loads((oruk.STANDARD / "examples" / "service_full.json").read_text())


def test_the_shipped_example_imports_once_its_latitude_is_possible():
    example = shipped_example()
    example["service_at_locations"][0]["location"].update(latitude=53.8, longitude=-1.9)

    result = import_services(partnership=PartnershipFactory(), raw=json.dumps([example]), by=None)

    assert [s.name for s in result.services] == [example["name"]]


def test_the_shipped_examples_impossible_latitude_is_reported_where_it_is():
    with pytest.raises(ImportRejected) as rejected:
        import_services(
            partnership=PartnershipFactory(), raw=json.dumps([shipped_example()]), by=None
        )

    assert [e.path for e in rejected.value.errors] == [
        "$[0].service_at_locations[0].location.latitude"
    ]


def test_export_then_import_gives_the_same_services():
    service = full_service()
    exported = export_services(service.partnership)
    Service.objects.all().delete()

    import_services(partnership=service.partnership, raw=json.dumps(exported), by=None)

    again = export_services(service.partnership, published_only=False)
    strip = [{k: v for k, v in d.items() if k != "last_modified"} for d in again]
    assert strip == [{k: v for k, v in d.items() if k != "last_modified"} for d in exported]


def test_an_import_with_errors_writes_nothing_and_names_each_place():
    partnership = PartnershipFactory()
    good = export_services(full_service().partnership)[0]
    bad = {**good, "id": "not-a-uuid", "status": "open"}
    del bad["name"]
    Service.objects.all().delete()

    with pytest.raises(ImportRejected) as rejected:
        import_services(partnership=partnership, raw=json.dumps([good, bad]), by=None)

    paths = {error.path for error in rejected.value.errors}
    assert paths == {"$[1]", "$[1].id", "$[1].status"}
    assert not Service.objects.exists()


def test_a_service_of_another_area_is_refused():
    service = ServiceFactory()
    document = export_services(service.partnership)

    with pytest.raises(ImportRejected) as rejected:
        import_services(partnership=PartnershipFactory(), raw=json.dumps(document), by=None)

    assert [e.path for e in rejected.value.errors] == ["$[0].id"]


def test_ages_out_of_order_are_refused():
    document = export_services(full_service().partnership)
    document[0].update(minimum_age=12, maximum_age=5)

    with pytest.raises(ImportRejected) as rejected:
        import_services(partnership=PartnershipFactory(), raw=json.dumps(document), by=None)

    assert "$[0].minimum_age" in [e.path for e in rejected.value.errors]


def test_imported_services_start_unpublished():
    partnership = full_service().partnership
    document = export_services(partnership)
    Service.objects.all().delete()

    import_services(partnership=partnership, raw=json.dumps(document), by=None)

    assert Service.objects.get().published is False


def test_the_commands_export_and_import_a_file(tmp_path):
    service = full_service()
    path = tmp_path / "offer.json"
    call_command("export_oruk", "--partnership", service.partnership.slug, "-o", str(path))
    Service.objects.all().delete()

    call_command("import_oruk", str(path), "--partnership", service.partnership.slug)

    assert Service.objects.get().oruk_id == service.oruk_id


def test_the_import_command_lists_errors(tmp_path, capsys):
    partnership = PartnershipFactory()
    path = tmp_path / "bad.json"
    path.write_text('[{"id": "x"}]')

    with pytest.raises(CommandError):
        call_command("import_oruk", str(path), "--partnership", partnership.slug)

    assert "$[0]" in capsys.readouterr().err
