"""A ledger import with filing columns, and a bulk recording, read the office's filing rules once
for the whole batch, not once for every filing (each read is a round of settings queries: about
8 ms a row on a 10,000-row ledger; bench/import_filings_bench.py)."""

from datetime import date

import pytest
from openpyxl import Workbook

from app.services import filing, filing_backlog, importing
from app.services.permissions import SYSTEM

ROWS = [
    ["河清市救助办法", "河清市民政局", "2024-03-01", "2024-03-10", "本级人民政府", "予以备案"],
    ["河清市养老办法", "河清市民政局", "2024-04-01", "2024-04-08", "", "暂缓登记"],
    ["河清市政府规定", "河清市人民政府", "2024-05-06", "2024-05-10；2024-05-20",
     "上一级人民政府；本级人大常委会", "予以备案"],
    ["河清市老办法", "河清市民政局", "2019-01-02", None, None, None],
    ["河清市旧办法", "河清市民政局", "2019-02-03", None, None, None],
]  # fmt: skip


@pytest.fixture
def rule_reads(monkeypatch):
    reads = []
    real = filing.rules

    def counted(s):
        reads.append(1)
        return real(s)

    monkeypatch.setattr(filing, "rules", counted)
    return reads


def test_an_import_reads_the_filing_rules_once_for_all_its_filings(
    city_office, tmp_path, rule_reads
):
    wb = Workbook()
    wb.active.append(["文件名称", "制定机关", "公布日期", "报送日期", "备案机关", "备案结果"])
    for row in ROWS:
        wb.active.append(row)
    wb.save(tmp_path / "台账.xlsx")
    sheet = importing.read_sheet(tmp_path / "台账.xlsx")
    with city_office.transaction() as s:
        report = importing.run_import(s, SYSTEM, sheet, importing.guess_mapping(sheet))
    assert (report.imported, report.problems) == (5, [])
    assert len(rule_reads) == 1
    with city_office.reading() as s:
        assert filing_backlog.unrecorded_count(s) == 2
    rule_reads.clear()
    with city_office.transaction() as s:
        outcome = filing_backlog.record_bulk(s, SYSTEM, "本级人民政府", date(2019, 3, 1))
    assert (len(outcome.recorded), outcome.still_unrecorded) == (2, 0)
    assert len(rule_reads) == 1
