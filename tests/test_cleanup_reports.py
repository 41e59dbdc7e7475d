from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from app import clock
from app.reports import cleanup_catalog, cleanup_summary, expiry_reminder
from app.services import cleanup, settings
from app.services.permissions import SYSTEM
from tests.factories import add_issuer, register


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")


def test_cleanup_result_catalogs_and_summary(database, tmp_path):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        keep = register(s, "继续有效的办法", published=date(2025, 3, 1))
        drop = register(s, "应当废止的办法", published=date(2025, 3, 2))
        batch = cleanup.create_batch(s, SYSTEM, "regular", "2026年定期清理", ["MZ"])
        cleanup.decide(s, SYSTEM, batch.id, keep.id, "continue")
        cleanup.decide(s, SYSTEM, batch.id, drop.id, "repeal", "上位法已废止")
        cleanup.apply(s, SYSTEM, batch.id, date(2026, 11, 27))
    with database.reading() as s:
        cleanup_catalog.pdf(s, batch.id, "continue", tmp_path / "keep.pdf")
        cleanup_catalog.pdf(s, batch.id, "retired", tmp_path / "drop.pdf")
        rows = cleanup_catalog.xlsx(s, batch.id, "retired", tmp_path / "drop.xlsx")
        cleanup_summary.pdf(s, batch.id, tmp_path / "summary.pdf", clock.today())
    kept, dropped = text_of(tmp_path / "keep.pdf"), text_of(tmp_path / "drop.pdf")
    assert (
        "继续有效的规范性文件目录" in kept and "继续有效的办法" in kept and "应当废止" not in kept
    )
    assert (
        "废止和宣布失效的规范性文件目录" in dropped
        and "上位法已废止" in dropped
        and "（已实施）" in dropped
    )
    ws = load_workbook(tmp_path / "drop.xlsx").active
    assert rows == 1 and ws.cell(3, 2).value == "应当废止的办法"
    summary = text_of(tmp_path / "summary.pdf")
    assert "河清市民政局现行有效的规范性文件，共 2 件" in summary and "废止（件）1" in summary


def test_reminder_letters_one_per_unit(database, tmp_path):
    clock.fix_today(date(2026, 11, 27))
    with database.transaction() as s:
        add_issuer(s)
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        register(s, "救助办法", published=date(2022, 1, 15), drafting_unit="社会救助科")
        register(s, "养老办法", published=date(2022, 2, 15), drafting_unit="养老服务科")
    with database.reading() as s:
        pages = expiry_reminder.pdf(s, clock.today(), tmp_path / "r.pdf", clock.today())
    texts = [p.extract_text().replace("\n", "") for p in PdfReader(tmp_path / "r.pdf").pages]
    assert pages == 2
    assert "养老服务科：" in texts[0] and "社会救助科：" in texts[1]
    assert "2027年第一季度" in texts[0] and "养老办法" in texts[0] and "救助办法" in texts[1]
    assert all("河清市司法局" in t and "2026年11月27日" in t for t in texts)
