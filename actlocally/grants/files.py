"""The documents an applicant may attach, checked by what the file holds as well as its name:
PDF, Word (.docx), Excel (.xlsx), PNG and JPEG, each within the size limit."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
}
# The bytes each kind of file starts with (its "magic number").
STARTS = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}
# Word and Excel files are zip archives: the part that makes each what it is.
OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def _office_part_present(uploaded, part: str) -> bool:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        uploaded.seek(0)
    return part in names and "[Content_Types].xml" in names


def kind_of(uploaded) -> str:
    """The kind of an uploaded file, or a ValidationError saying what to do instead."""
    allowed = _("Attach a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file.")
    name = PurePath(uploaded.name or "").name
    kind = EXTENSIONS.get(PurePath(name).suffix.lower())
    if kind is None:
        raise ValidationError({"file": allowed})
    limit = settings.GRANTS_ATTACHMENT_MAX_BYTES
    if uploaded.size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    if uploaded.size > limit:
        raise ValidationError(
            {
                "file": _("The file must be smaller than %(limit)s.")
                % {"limit": filesizeformat(limit)}
            }
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    fits = any(head.startswith(start) for start in STARTS[kind])
    if fits and kind in OFFICE_PART:
        fits = _office_part_present(uploaded, OFFICE_PART[kind])
    if not fits:
        raise ValidationError(
            {
                "file": _("%(name)s is not the kind of file its name says. %(allowed)s")
                % {"name": name, "allowed": allowed}
            }
        )
    return kind
