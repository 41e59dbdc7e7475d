"""Printed deadline lists mark provisional due dates and name the years without a notice in a
footnote; once the year is entered both are gone."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.reports import deadline_overview, filing_ledger, review_ledger
from app.services import reviews, workcalendar
from app.services.permissions import SYSTEM
from app.services.reviews import MATERIALS, ReviewIntake
from tests.factories import add_issuer, register

FOOTNOTE = "注：2027 年国务院办公厅放假通知尚未录入"


def pdf_text(path):
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")


def sheet_values(path):
    return [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row]


@pytest.fixture
def s(database):
    clock.fix_today(date(2026, 12, 20))
    with database.transaction() as session:
        add_issuer(session)
        register(session, "年末公布的办法", published=date(2026, 12, 20))
        register(session, "月初公布的办法", published=date(2026, 12, 1))
        reviews.intake(session, SYSTEM, ReviewIntake("contract", "年末送审的合同", date(2026, 12, 18),
                                                     "李审核", list(MATERIALS["contract"])))  # fmt: skip
        yield session


def test_deadline_overview_marks_provisional_dates_and_names_the_year(s, tmp_path):
    deadline_overview.pdf(s, tmp_path / "overview.pdf")
    text = pdf_text(tmp_path / "overview.pdf")
    assert "2027-01-04（暂定）" in text and "2027-01-11（暂定）" in text
    assert "2026-12-16（暂定）" not in text and "2026-12-16" in text
    assert FOOTNOTE in text
    deadline_overview.xlsx(s, tmp_path / "overview.xlsx")
    values = sheet_values(tmp_path / "overview.xlsx")
    assert "2027-01-04（暂定）" in values
    assert any(isinstance(v, str) and v.startswith(FOOTNOTE) for v in values)

    workcalendar.enter_year(s, SYSTEM, 2027, [date(2027, 1, 1), date(2027, 1, 4)], [])
    deadline_overview.pdf(s, tmp_path / "entered.pdf")
    text = pdf_text(tmp_path / "entered.pdf")
    assert "暂定" not in text and "2027-01-05" in text


def test_filing_and_review_ledgers_mark_provisional_due_dates(s, tmp_path):
    filing_ledger.pdf(s, tmp_path / "filing.pdf", 2026)
    text = pdf_text(tmp_path / "filing.pdf")
    assert "2027-01-04（暂定）" in text and FOOTNOTE in text
    filing_ledger.xlsx(s, tmp_path / "filing.xlsx", 2026)
    values = sheet_values(tmp_path / "filing.xlsx")
    assert "2027-01-04（暂定）" in values
    assert any(v == date(2026, 12, 16) or str(v).startswith("2026-12-16 00") for v in values)
    review_ledger.pdf(s, tmp_path / "review.pdf", 2026)
    text = pdf_text(tmp_path / "review.pdf")
    assert "2027-01-11（暂定）" in text and FOOTNOTE in text
