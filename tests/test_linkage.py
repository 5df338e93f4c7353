"""Connected data: the synthetic extracts, keyed pseudonyms, all-or-nothing ingest, linkage with
purge, the quality measures, the CLI's formats, the analyses and the pages."""

import csv
import datetime
import hashlib
import io

import duckdb
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from actlocally.accessaudit.models import AccessEvent
from actlocally.linkage import analyses, ingest, services, store
from actlocally.linkage.models import Extract, LinkageProject, LinkageRun, ProjectMember
from actlocally.linkage.pipeline.run import link_project
from actlocally.linkage.pipeline.standardise import clean_name, transliteration_key
from actlocally.linkage.synth.generate import generate, write
from actlocally.partnerships.models import Role
from tests.pageforms import page_form, submit

CHILDREN = 1500


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    out = tmp_path_factory.mktemp("extracts")
    write(generate(CHILDREN, seed=7), out)
    return out


@pytest.fixture(scope="module")
def linked(tmp_path_factory, extracts):
    """One project's extracts loaded and linked once for the module (project id 9001)."""
    root = tmp_path_factory.mktemp("store")
    with override_settings(LINKAGE_DATA_DIR=root / "data", LINKAGE_KEY_DIR=root / "keys"):
        for name in ("school_census", "attendance", "health", "police", "early_help"):
            loaded = ingest.ingest(9001, name, extracts / f"{name}.csv", file_label=name)
            assert loaded.errors == []
        ingest.ingest(9001, "ground_truth", extracts / "truth" / "ground_truth.csv", file_label="t")
        outcome = link_project(9001)
        yield outcome, root


def rows_of(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


# The generator ------------------------------------------------------------------------------


def test_generator_writes_each_extract_and_the_truth_apart(extracts):
    census = rows_of(extracts / "school_census.csv")
    truth = rows_of(extracts / "truth" / "ground_truth.csv")
    assert len(census) == CHILDREN
    assert {r["source"] for r in truth} == {
        "school_census",
        "health",
        "police",
        "early_help",
    }
    assert "child_id" not in census[0]


def test_generator_puts_about_three_in_ten_children_in_police_records(extracts):
    police = rows_of(extracts / "police.csv")
    assert 0.24 < len(police) / CHILDREN < 0.36


def test_generator_places_children_in_bradford_lsoas(extracts):
    lsoas = {r["lsoa"] for r in rows_of(extracts / "school_census.csv")}
    assert all(code.startswith("E010") for code in lsoas)
    assert len(lsoas) > 200


def test_generator_is_reproducible_from_its_seed():
    a = generate(50, seed=3)["health.csv"].to_pylist()
    b = generate(50, seed=3)["health.csv"].to_pylist()
    assert a == b


def test_generator_nhs_numbers_pass_the_modulus_11_check(extracts):
    for row in rows_of(extracts / "health.csv")[:200]:
        n = row["nhs_number"]
        if not n:
            continue
        total = sum(int(d) * w for d, w in zip(n[:9], range(10, 1, -1), strict=True))
        assert (11 - total % 11) % 11 == int(n[9])


def test_generate_command_writes_files(tmp_path):
    call_command(
        "generate_agency_extracts", children=20, seed=1, out=str(tmp_path), stdout=io.StringIO()
    )
    assert (tmp_path / "truth" / "ground_truth.csv").exists()


# Standardising ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a,b",
    [("Mohammed", "Muhammad"), ("Aisha", "Ayesha"), ("Hussain", "Hussein"), ("Qureshi", "Kureshi")],
)
def test_transliteration_variants_share_a_key(a, b):
    assert transliteration_key(a) == transliteration_key(b)


def test_nicknames_become_the_formal_name():
    assert clean_name("BETH") == clean_name("Elizabeth")


# Keyed pseudonyms ---------------------------------------------------------------------------


def test_pseudonym_is_keyed_not_a_plain_hash():
    value = "9990104123"
    keyed = store.pseudonym(b"k" * 32, "nhs", value)
    assert keyed not in hashlib.sha256(f"nhs\x1f{value}".encode()).hexdigest()
    assert keyed == store.pseudonym(b"k" * 32, "nhs", value)
    assert keyed != store.pseudonym(b"j" * 32, "nhs", value)


def test_each_project_has_its_own_key(settings, tmp_path):
    settings.LINKAGE_KEY_DIR = tmp_path
    assert store.key(1) != store.key(2)
    assert store.key(1) == store.key(1)
    assert oct(store.key_path(1).stat().st_mode)[-3:] == "600"


def test_pseudonyms_in_bulk_match_one_at_a_time():
    secret = b"s" * 32
    assert store.pseudonyms(secret, "upn", ["A1", None]) == [
        store.pseudonym(secret, "upn", "A1"),
        None,
    ]


# Ingest -------------------------------------------------------------------------------------


def _csv(tmp_path, text):
    path = tmp_path / "x.csv"
    path.write_text(text)
    return path


HEADER = "record_id,first_name,last_name,date_of_birth,sex,postcode,contact_count,youth_justice_outcome\n"


def test_ingest_names_each_bad_row_and_column(settings, tmp_path):
    settings.LINKAGE_DATA_DIR = tmp_path / "d"
    path = _csv(
        tmp_path,
        HEADER + "P1,Ali,Khan,2012-13-01,M,BD8 1AA,2,none\nP2,Jo,Smith,2012-01-01,X,BD8 1AA,-1,n\n",
    )
    loaded = ingest.ingest(5, "police", path, file_label="x.csv")
    found = {(e["row"], e["column"]) for e in loaded.errors}
    assert found == {(2, "date_of_birth"), (3, "sex"), (3, "contact_count")}


def test_ingest_with_errors_writes_nothing(settings, tmp_path):
    settings.LINKAGE_DATA_DIR = tmp_path / "d"
    path = _csv(tmp_path, HEADER + "P1,Ali,Khan,2012-13-01,M,BD8 1AA,2,none\n")
    ingest.ingest(5, "police", path, file_label="x.csv")
    assert not store.data_path(5).exists()
    assert not store.identifiers_path(5).exists()


def test_ingest_refuses_a_duplicate_record_id(settings, tmp_path):
    settings.LINKAGE_DATA_DIR = tmp_path / "d"
    row = "P1,Ali,Khan,2012-01-01,M,BD8 1AA,2,none\n"
    loaded = ingest.ingest(5, "police", _csv(tmp_path, HEADER + row + row), file_label="x")
    assert {e["row"] for e in loaded.errors} == {2, 3}


def test_ingest_names_missing_columns(settings, tmp_path):
    settings.LINKAGE_DATA_DIR = tmp_path / "d"
    loaded = ingest.ingest(5, "police", _csv(tmp_path, "record_id\nP1\n"), file_label="x")
    assert "first_name" in loaded.errors[0]["message"]


def test_ingest_errors_never_quote_the_value(settings, tmp_path):
    settings.LINKAGE_DATA_DIR = tmp_path / "d"
    path = _csv(tmp_path, HEADER + "P1,Ali,Khan,Zebedee,M,BD8 1AA,2,none\n")
    loaded = ingest.ingest(5, "police", path, file_label="x.csv")
    assert "Zebedee" not in str(loaded.errors)


def test_data_store_holds_no_names_dates_of_birth_or_postcodes(linked):
    _outcome, root = linked
    with (
        override_settings(LINKAGE_DATA_DIR=root / "data"),
        store.connect_data(9001, read_only=True) as con,
    ):
        columns = {
            r[0]
            for r in con.execute("SELECT column_name FROM information_schema.columns").fetchall()
        }
    assert not columns & {
        "first_name",
        "last_name",
        "date_of_birth",
        "postcode",
        "upn",
        "nhs_number",
    }


# Linkage ------------------------------------------------------------------------------------


def test_identifier_store_is_purged_after_linkage(linked):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"):
        assert not store.identifiers_path(9001).exists()


def test_linkage_finds_nearly_every_true_pair(linked):
    outcome, _root = linked
    assert outcome.quality.f1 >= 0.97


def test_match_rate_by_name_group_is_reported_for_both_groups(linked):
    outcome, _root = linked
    assert set(outcome.quality.match_rate) == {"south_asian", "other"}


def test_every_record_gets_a_person_id(linked):
    outcome, _root = linked
    assert outcome.records == len(outcome.result.clusters)


def test_match_weights_are_trained(linked):
    outcome, _root = linked
    dob = {
        w["level"]: w["weight"]
        for w in outcome.result.weights
        if w["comparison"] == "date_of_birth"
    }
    assert dob["Exact match on dob"] > 5


# The CLI ------------------------------------------------------------------------------------


def _spine(extracts, tmp_path):
    path = tmp_path / "school.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "first_name", "last_name", "date_of_birth", "sex", "postcode"])
        for r in rows_of(extracts / "school_census.csv"):
            w.writerow([r["upn"], r["first_name"], r["last_name"], r["date_of_birth"], r["sex"], r["postcode"]])  # fmt: skip
    return path


def test_link_records_writes_one_row_per_input_record(extracts, tmp_path):
    out = tmp_path / "clusters.csv"
    call_command(
        "link_records",
        "--source",
        f"school={_spine(extracts, tmp_path)}",
        "--source",
        f"health={extracts / 'health.csv'}",
        "--output",
        str(out),
        stdout=io.StringIO(),
    )
    rows = rows_of(out)
    assert list(rows[0]) == ["source", "record_id", "person_id"]
    assert len(rows) == CHILDREN * 2
    assert len({(r["source"], r["record_id"]) for r in rows}) == len(rows)


def test_link_records_writes_a_record_id_that_looks_like_a_formula_as_text(tmp_path, monkeypatch):
    from actlocally.linkage.management.commands import link_records

    monkeypatch.setattr(link_records, "link_csv_files", lambda sources, **kw: [("a", "=1+1", 1)])
    source = _csv(tmp_path, "record_id,first_name,last_name,date_of_birth,sex,postcode\n")
    out = tmp_path / "clusters.csv"
    call_command(
        "link_records", "--source", f"a={source}", "--output", str(out), stdout=io.StringIO()
    )
    assert rows_of(out)[0]["record_id"] == "'=1+1"


def test_link_records_refuses_a_source_without_a_name(tmp_path):
    with pytest.raises(CommandError, match=r"NAME=FILE\.csv"):
        call_command("link_records", "--source", "just.csv", "--output", str(tmp_path / "o.csv"))


def test_link_records_names_missing_columns(tmp_path):
    bad = _csv(tmp_path, "record_id,first_name\n1,A\n")
    with pytest.raises(CommandError, match="last_name"):
        call_command("link_records", "--source", f"a={bad}", "--output", str(tmp_path / "o.csv"))


# Analyses -----------------------------------------------------------------------------------


def test_dental_analysis_is_a_table_of_counts(linked):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"):
        table = analyses.analysis_table(9001, "dental-absence", by="year_group", area="bradford")
    assert table.columns[1] == "children"
    assert sum(r[1] for r in table.rows) > CHILDREN * 0.9


def test_query_refuses_results_without_a_count(linked):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"), pytest.raises(analyses.QueryRefused):
        analyses.run_query(9001, "SELECT lsoa FROM children")


def test_query_refuses_person_ids(linked):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"), pytest.raises(analyses.QueryRefused):
        analyses.run_query(9001, "SELECT 10 AS n, person_id FROM children")


def test_query_hides_rows_counting_fewer_than_ten(linked):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"):
        table = analyses.run_query(9001, "SELECT lsoa, COUNT(*) AS n FROM children GROUP BY lsoa")
    assert all(r[1] >= 10 for r in table.rows)


def test_query_cannot_read_files(linked):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"), pytest.raises(analyses.QueryRefused):
        analyses.run_query(9001, "SELECT COUNT(*) AS n FROM read_csv('/etc/passwd')")


# Pages and permissions ----------------------------------------------------------------------


@pytest.fixture
def project(world):
    analyst = world.people[Role.RESEARCH_PARTNER]
    return services.create_project(
        partnership=world.keighley,
        title="Dental absence",
        purpose="p",
        data_sharing_basis="b",
        end_date=timezone.localdate() + datetime.timedelta(days=30),
        by=analyst,
    )


def test_research_partner_starts_a_project_from_the_page(client, world):
    client.force_login(world.people[Role.RESEARCH_PARTNER])
    response = client.get(reverse("linkage_project_new"))
    form = page_form(response, with_field="title")
    form.set("title", "Keighley dental").set("purpose", "x").set("data_sharing_basis", "y")
    form.set("end_date", (timezone.localdate() + datetime.timedelta(days=90)).isoformat())
    answer = submit(client, response, form)
    made = LinkageProject.objects.get(title="Keighley dental")
    assert answer.status_code == 302
    assert made.members.filter(role=ProjectMember.Role.ANALYST).exists()


def test_uploading_a_bad_extract_lists_rows_and_loads_nothing(client, world, project):
    client.force_login(world.people[Role.RESEARCH_PARTNER])
    url = reverse("linkage_extract_upload", kwargs={"pk": project.pk})
    response = client.get(url)
    form = page_form(response, with_field="file").set("dataset", "police")
    bad = (HEADER + "P1,Ali,Khan,2012-13-01,M,BD8 1AA,2,none\n").encode()
    form.attach("file", SimpleUploadedFile("police.csv", bad, content_type="text/csv"))
    answer = submit(client, response, form)
    assert b"date_of_birth" in answer.content
    assert not Extract.objects.filter(project=project).exists()


def test_uploading_an_extract_is_audited(client, world, project, extracts):
    client.force_login(world.people[Role.RESEARCH_PARTNER])
    url = reverse("linkage_extract_upload", kwargs={"pk": project.pk})
    response = client.get(url)
    form = page_form(response, with_field="file").set("dataset", "police")
    content = (extracts / "police.csv").read_bytes()
    form.attach("file", SimpleUploadedFile("police.csv", content, content_type="text/csv"))
    submit(client, response, form)
    assert Extract.objects.get(project=project).rows > 0
    event = AccessEvent.objects.get(object_label__contains="loaded police")
    assert event.kind == "linked_records"


def test_checker_sees_the_project_but_not_its_data(client, world, project):
    checker = world.people[Role.MEMBER]
    ProjectMember.objects.create(project=project, user=checker, role=ProjectMember.Role.CHECKER)
    client.force_login(checker)
    assert client.get(reverse("linkage_project", kwargs={"pk": project.pk})).status_code == 200
    assert client.get(reverse("linkage_quality", kwargs={"pk": project.pk})).status_code == 403


def test_analyst_without_mfa_is_refused_when_the_platform_requires_it(world, project, settings):
    from actlocally.authorization import has_permission

    settings.ACTLOCALLY_REQUIRE_MFA = True
    analyst = world.people[Role.RESEARCH_PARTNER]
    assert not has_permission(analyst, "linkage.analyse", project)


def test_linking_from_the_page_runs_a_job_and_reports_quality(
    client, world, project, extracts, django_capture_on_commit_callbacks
):
    analyst = world.people[Role.RESEARCH_PARTNER]
    for name in ("school_census", "health"):
        services.load_extract(
            project=project,
            dataset=name,
            path=extracts / f"{name}.csv",
            file_label=name,
            by=analyst,
        )
    services.load_extract(
        project=project,
        dataset="ground_truth",
        path=extracts / "truth" / "ground_truth.csv",
        file_label="truth",
        by=analyst,
    )
    client.force_login(analyst)
    response = client.get(reverse("linkage_link", kwargs={"pk": project.pk}))
    with django_capture_on_commit_callbacks(execute=True):
        answer = submit(client, response, page_form(response, with_field="threshold"))
    assert answer.status_code == 302
    run = LinkageRun.objects.get(project=project)
    assert run.status == LinkageRun.Status.DONE
    assert run.identifiers_purged_at is not None
    page = client.get(reverse("linkage_quality", kwargs={"pk": project.pk}))
    assert b"Match rate by name group" in page.content


def test_closing_a_project_destroys_its_key(world, project, django_capture_on_commit_callbacks):
    store.key(project.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.close_project(project=project, by=world.people[Role.RESEARCH_PARTNER])
    assert not store.key_path(project.pk).exists()


def test_duckdb_file_of_one_project_is_apart_from_another(settings, tmp_path):
    settings.LINKAGE_DATA_DIR = tmp_path
    assert store.data_path(1) != store.data_path(2)
    with store.connect_data(1) as con:
        con.execute("CREATE TABLE t AS SELECT 1")
    assert isinstance(
        duckdb.connect(str(store.data_path(1)), read_only=True), duckdb.DuckDBPyConnection
    )


def test_nightly_purge_destroys_the_data_of_ended_projects(world, project):
    from actlocally.linkage.retention import purge_ended_projects

    store.key(project.pk)
    LinkageProject.objects.filter(pk=project.pk).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert purge_ended_projects(timezone.now()) == 1
    assert not store.key_path(project.pk).exists()
    assert LinkageProject.objects.get(pk=project.pk).status == LinkageProject.Status.CLOSED


def test_an_analysis_is_submitted_to_output_checking(client, world, project, settings, linked):
    from actlocally.outputs.models import OutputRequest

    _outcome, root = linked
    # The module's linked store stands in for this project's.
    import shutil

    shutil.copytree(root / "data" / "project-9001", store.folder(project.pk))
    client.force_login(world.people[Role.RESEARCH_PARTNER])
    url = reverse("linkage_analysis", kwargs={"pk": project.pk, "slug": "dental-absence"})
    response = client.get(url, {"by": "year_group", "area": "bradford"})
    answer = submit(client, response, page_form(response, with_field="by"))
    output = OutputRequest.objects.get(project=project)
    assert answer.status_code == 302
    assert output.table["columns"][1] == "children"


@pytest.mark.parametrize("slug", sorted(analyses.ANALYSES))
def test_each_named_analysis_counts_children_by_fsm(linked, slug):
    _outcome, root = linked
    with override_settings(LINKAGE_DATA_DIR=root / "data"):
        table = analyses.analysis_table(9001, slug, by="fsm", area="bradford")
    assert {r[0] for r in table.rows} == {"true", "false"}
