"""Report modules loaded on first use, so ReportLab and openpyxl stay out of start-up."""

from __future__ import annotations

import importlib
from typing import Any


class _Lazy:
    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(f"app.reports.{self._name}"), attr)


annual_statistics = _Lazy("annual_statistics")
annual_statistics_xlsx = _Lazy("annual_statistics_xlsx")
catalog_output = _Lazy("catalog_output")
cleanup_catalog = _Lazy("cleanup_catalog")
cleanup_notice = _Lazy("cleanup_notice")
cleanup_summary = _Lazy("cleanup_summary")
deadline_overview = _Lazy("deadline_overview")
expiry_reminder = _Lazy("expiry_reminder")
filing_form = _Lazy("filing_form")
filing_ledger = _Lazy("filing_ledger")
filing_report = _Lazy("filing_report")
listing = _Lazy("listing")
published_catalog = _Lazy("published_catalog")
record_card = _Lazy("record_card")
review_ledger = _Lazy("review_ledger")
review_opinion = _Lazy("review_opinion")
website = _Lazy("website")
