"""What a saved operation changed. The runner announces them after a write
(OperationRunner.data_changed); each view refreshes on the ones it shows."""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    DOCUMENTS = "documents"
    ATTACHMENTS = "attachments"
    ISSUERS = "issuers"
    SETTINGS = "settings"
    CALENDAR = "calendar"
    USERS = "users"
    REVIEWS = "reviews"
    FILINGS = "filings"
    OBJECTIONS = "objections"
    CLEANUP = "cleanup"
    VALIDITY = "validity"
    TEXTS = "texts"  # a document's texts or legal bases
    LAWS = "laws"  # the list of upper-level laws or their changes
    BACKUPS = "backups"  # a backup made or removed: the backup list, not the data
