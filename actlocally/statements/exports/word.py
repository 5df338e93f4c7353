"""A version as a Word document (python-docx), with the details on every page."""

import datetime
import io

from django.utils.translation import gettext as _

from ..document import SECTIONS_BY_KEY, format_value
from ..models import StatementVersion
from .context import document_context


def render_docx(version: StatementVersion) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    ctx = document_context(version)
    content = ctx["content"]
    partnership = ctx["partnership"]
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"  # LibreOffice shows Liberation Sans, which has Arial's metrics
    normal.font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.name = "Arial"
        doc.styles[name].font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)

    _set_properties(doc, ctx, version)
    # A4 with 2cm margins (17cm of text), as councils print; python-docx starts on US Letter.
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)

    banner = f"{partnership.name} · {ctx['title']} · " + _(
        "version %(n)s, %(status)s, %(date)s"
    ) % {
        "n": version.number,
        "status": version.get_status_display().lower(),
        "date": version.date_label,
    }
    section = doc.sections[0]
    section.header.paragraphs[0].text = banner
    section.header.paragraphs[0].runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(_("Page") + " ")
    _field(footer, "PAGE")
    footer.add_run(" " + _("of") + " ")
    _field(footer, "NUMPAGES")

    doc.add_heading(f"{ctx['title']}: {partnership.area_name}", level=0)
    doc.add_paragraph(ctx["focus_issue"].title).runs[0].bold = True
    _table(doc, [(label, value) for label, value in ctx["meta"]], header=None, widths=(5, 12))
    if not version.is_agreed:
        doc.add_paragraph(
            _("This version is a %(status)s, not the agreed Statement of Intent.")
            % {"status": version.get_status_display().lower()}
        ).runs[0].italic = True

    # Not a Heading 1, or the contents would list itself.
    doc.add_paragraph(_("Contents"), style="TOC Heading")
    entries = []
    for n, item in enumerate(ctx["contents"], start=1):
        entries.append(f"{n}. {item['label']}")
        entries += [f"    {n}.{m} {c['label']}" for m, c in enumerate(item["children"], start=1)]
    _toc(doc, entries)

    doc.add_heading(f"1. {ctx['contents'][0]['label']}", level=1)
    for para in ctx["introduction"]:
        doc.add_paragraph(para)
    doc.add_heading(f"1.1 {SECTIONS_BY_KEY['facts'].heading}", level=2)
    if ctx["facts"]:
        _table(
            doc,
            [(f["value"], f["text"], f["source"], str(f["year"] or "")) for f in ctx["facts"]],
            header=(_("Figure"), _("What it tells us"), _("Source"), _("Year")),
            widths=(3, 8, 4, 2),
        )
    for chart in ctx["charts"]:
        doc.add_heading(chart["title"], level=3)
        _chart_picture(doc, chart, width=Cm(15))
        _table(
            doc,
            [(p["label"], p["display"]) for p in chart["points"]],
            header=(_("Measure"), _("Value")),
            widths=(12, 5),
        )
        source = ", ".join(str(s) for s in (chart.get("source"), chart.get("year")) if s)
        note = _("Source: %(source)s.") % {"source": source} if source else ""
        if chart.get("illustrative"):
            note += " " + _("Illustrative numbers.")
        if note.strip():
            doc.add_paragraph(note.strip()).runs[0].italic = True
    for item in ctx["indicators"]:
        _indicator_docx(doc, item, width=Cm(15))
    doc.add_heading(f"1.2 {SECTIONS_BY_KEY['quotes'].heading}", level=2)
    for quote in content["quotes"]:
        doc.add_paragraph(f"“{quote['text']}”", style="Quote")
        attribution = f"– {quote['source']}"
        if quote.get("illustrative"):
            attribution += " " + _("(illustrative quote)")
        if quote.get("consent"):
            attribution += ". " + _("Consent: %(consent)s") % {"consent": quote["consent"]}
        doc.add_paragraph(attribution)
    if not content["quotes"]:
        doc.add_paragraph(_("No quotes have been added."))

    doc.add_heading(f"2. {ctx['contents'][1]['label']}", level=1)
    _table(
        doc,
        [(str(n), a["text"], a["lead"]) for n, a in enumerate(content["actions"], start=1)],
        header=("", _("Action"), _("Lead organisation")),
        widths=(1, 11, 5),
    )
    doc.add_heading(f"3. {ctx['contents'][2]['label']}", level=1)
    for outcome in content["outcomes"]:
        doc.add_paragraph(outcome["text"], style="List Number")
    doc.add_heading(f"4. {ctx['contents'][3]['label']}", level=1)
    _table(
        doc,
        [
            (
                r["key"],
                r["text"] + (" " + _("(illustrative)") if r.get("illustrative") else ""),
                r["to"],
            )
            for r in content["recommendations"]
        ],
        header=(_("Reference"), _("Recommendation"), _("To")),
        widths=(2.5, 10, 4.5),
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _table(doc, rows, *, header, widths):
    from docx.shared import Cm

    if not rows:
        doc.add_paragraph(_("None yet."))
        return
    columns = len(rows[0])
    table = doc.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    table.autofit = False
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.text = str(text)
            if text:
                cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    # Word reads each cell's width, LibreOffice the grid's: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    if header is None:
        for row in table.rows:
            if row.cells[0].paragraphs[0].runs:
                row.cells[0].paragraphs[0].runs[0].bold = True
    doc.add_paragraph()


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in as it lays the pages out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


def _set_properties(doc, ctx: dict, version: StatementVersion) -> None:
    """File properties that say what the document is, who wrote it and when (python-docx's
    template otherwise says it was written by python-docx in 2013)."""
    from lxml import etree

    partnership = ctx["partnership"]
    props = doc.core_properties
    props.title = f"{ctx['title']}: {partnership.area_name}"
    props.subject = ctx["focus_issue"].title
    props.author = props.last_modified_by = partnership.name
    props.category = str(ctx["title"])
    props.keywords = f"version {version.number}; {version.get_status_display()}"
    props.content_status = version.get_status_display()
    props.version = str(version.number)
    props.revision = version.number
    props.language = "en-GB"
    props.comments = _("Made with Act Locally.")
    # An agreed version dates from its agreement (and is frozen); a draft from when it began.
    if version.agreed_on:
        props.created = props.modified = datetime.datetime.combine(
            version.agreed_on, datetime.time(12), tzinfo=datetime.UTC
        )
    else:
        props.created = version.created_at.astimezone(datetime.UTC)
        props.modified = version.updated_at.astimezone(datetime.UTC)
    # The organisation, in the extended properties Word shows as "Company".
    organisation = str(partnership.backbone or partnership.local_authority.name)
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            root = etree.fromstring(part.blob)
            ns = {"ep": root.nsmap[None]}
            for tag, text in (("Company", organisation), ("Application", "Act Locally")):
                element = root.find(f"ep:{tag}", ns)
                if element is not None:
                    element.text = text
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _chart_picture(doc, chart: dict, *, width) -> None:
    """The chart as the page draws it (the same SVG), as a PNG Word can show, with the chart's
    description as its alternative text."""
    import cairosvg

    png = cairosvg.svg2png(
        bytestring=str(chart["svg"]).encode(), output_width=1680, background_color="white"
    )
    doc.add_picture(io.BytesIO(png), width=width)
    shape = doc.inline_shapes[-1]
    shape._inline.docPr.set("title", str(chart["title"]))
    shape._inline.docPr.set(
        "descr",
        _("Bar chart. %(summary)s. The same numbers are in the table.")
        % {
            "summary": "; ".join(
                f"{p['label']}: {format_value(p['value'], chart.get('unit') or '')}"
                for p in chart["points"]
            )
        },
    )


def _indicator_docx(doc, item: dict, *, width) -> None:
    """An embedded indicator: its figures as a table, then its trend chart as a picture with
    its description as alternative text, then the chart's numbers."""
    shown = item["shown"]
    title = item["title"]
    if shown is not None and shown.illustrative:
        title += " " + _("(illustrative values)")
    doc.add_heading(title, level=3)
    if shown is None:
        doc.add_paragraph(_("This indicator is no longer measured by the partnership."))
        return
    if shown.as_at:
        doc.add_paragraph(
            _("Figures as at %(date)s, when this version was agreed.") % {"date": shown.as_at}
        )
    _table(doc, list(shown.facts), header=None, widths=(5, 12))
    if shown.chart_png is not None:
        doc.add_picture(io.BytesIO(shown.chart_png()), width=width)
        picture = doc.inline_shapes[-1]
        picture._inline.docPr.set("title", str(shown.chart_title))
        picture._inline.docPr.set("descr", str(shown.chart_description))
        _table(
            doc,
            shown.chart_rows,
            header=shown.chart_columns,
            widths=(3, 3.5, 4, 3.5, 3),
        )
    if item.get("note"):
        doc.add_paragraph(item["note"])


def _toc(doc, entries: list[str]) -> None:
    """A Word table of contents field (headings 1 and 2, with page numbers). Its stored result
    lists the sections without page numbers until Word (which is told to update fields on
    opening) or LibreOffice (Tools, Update) fills them in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from lxml import etree

    def char(paragraph, kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        paragraph.add_run()._r.append(element)

    first = doc.add_paragraph()
    char(first, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = ' TOC \\o "1-2" \\h \\z \\u '
    first.add_run()._r.append(instruction)
    char(first, "separate")
    first.add_run(entries[0])
    last = first
    for entry in entries[1:]:
        last = doc.add_paragraph(entry)
    char(last, "end")
    # Word's schema orders the settings: updateFields goes before the first of these.
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = next(
        (child for child in settings if etree.QName(child).localname in SETTINGS_AFTER_UPDATE),
        None,
    )
    if later is None:
        settings.append(update)
    else:
        later.addprevious(update)


SETTINGS_AFTER_UPDATE = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}
