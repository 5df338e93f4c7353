"""Subject access: everything the platform holds about a person, found through the models'
declarations (subjects.py), as a ZIP of one JSON file per table and a readable PDF summary."""

import io
import json
import zipfile
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import subjects

# Rows per table shown in the PDF; the JSON files hold every row.
PDF_ROWS = 20


@dataclass
class Section:
    label: str  # "statements.Comment"
    title: str  # "comments"
    fields: list[str]
    headings: list[str]
    rows: list[dict]

    @property
    def file_name(self) -> str:
        return f"{self.label}.json"

    @property
    def shown(self) -> list[list]:
        return [[row.get(f) for f in self.fields] for row in self.rows[:PDF_ROWS]]

    @property
    def more(self) -> int:
        return max(0, len(self.rows) - PDF_ROWS)


def collect(person) -> list[Section]:
    """One section per table that holds something about the person (one query per table)."""
    emails = subjects.emails_of(person)
    sections = []
    for model in subjects.personal_models():
        fields = subjects.exported_fields(model)
        rows = list(subjects.rows_of(model, person, emails).values(*fields))
        if rows:
            sections.append(
                Section(
                    label=model._meta.label,
                    title=subjects.title_of(model),
                    fields=fields,
                    headings=subjects.headings_of(model, fields),
                    rows=rows,
                )
            )
    return sections


def not_linked() -> list[tuple[str, str]]:
    """Tables with personal data that cannot be tied to an account, and why (said in the PDF)."""
    found = []
    for model in subjects.personal_models():
        reason = subjects.way_in(model)
        if isinstance(reason, str):
            found.append((subjects.title_of(model), reason))
    return found


def render_pdf(person, sections: list[Section]) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "privacy/export/summary.html",
        {
            "person": person,
            "sections": sections,
            "not_linked": not_linked(),
            "generated_at": timezone.localtime(),
            "pdf_rows": PDF_ROWS,
        },
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def build_zip(person, progress=None) -> tuple[bytes, int]:
    """The ZIP, and how many tables hold something about the person."""
    sections = collect(person)
    if progress is not None:
        progress.stage(_("Writing the summary"), percent=60)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            archive.writestr(
                section.file_name,
                json.dumps(section.rows, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            )
        archive.writestr("summary.pdf", render_pdf(person, sections))
    return out.getvalue(), len(sections)
