"""Where applicants' documents are kept: a folder outside the web root with no public address,
read only through the permission-checked download view."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """The disk under settings.GRANTS_PRIVATE_ROOT (read each time, so tests can move it); it has
    no URL, so nothing can link to a file except through the download view."""

    @property
    def base_location(self):
        return settings.GRANTS_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private documents have no public address: use the download view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def delete_file_with_row(sender, instance, **kwargs) -> None:
    """When an attachment's row goes (removed, or its application deleted), its file goes too,
    once the deletion is committed."""
    from django.db import transaction

    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
