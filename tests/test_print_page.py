"""设置 → 打印: a font per role, chosen from this PC's fonts, saved as an office setting."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.reports import office_fonts
from app.reports.fonts import FontRole, setting_key
from app.services import settings
from app.ui.settings.print_page import AUTO, PrintPage
from app.ui.settings.view import SettingsView
from tests import font_files
from tests.ui_context import context
from tests.widgets import opened_preview, shown


@pytest.fixture
def fonts_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    font_files.truetype(folder, "simfang.ttf", "仿宋_GB2312", "FangSong_GB2312", "FangSong_GB2312")
    font_files.truetype(folder, "simhei.ttf", "SimHei", ps_name="SimHei")
    font_files.cff(folder, "FZXBSJW.otf", "方正小标宋简体", "FZXiaoBiaoSong-B05S")
    monkeypatch.setenv(office_fonts.DIRS_ENV, str(folder))
    office_fonts.rescan()
    return folder


def page(qtbot, database) -> PrintPage:
    return shown(qtbot, PrintPage(context(database)), size=(1000, 700))


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_each_role_shows_the_file_in_use_and_what_was_skipped(qtbot, database, fonts_dir):
    view = page(qtbot, database)
    body, title = view.rows[FontRole.BODY], view.rows[FontRole.TITLE]
    assert items(body.combo) == [AUTO, "仿宋_GB2312", "SimHei"]
    assert body.combo.currentText() == AUTO
    assert "仿宋_GB2312（本机字体）" in body.in_use.text()
    assert str(fonts_dir / "simfang.ttf") in body.in_use.text()
    assert "uming.ttc" in title.in_use.text() and "程序自带，代用" in title.in_use.text()
    assert (
        "方正小标宋简体（FZXBSJW.otf）为 CFF 轮廓字体，无法嵌入 PDF，已跳过。" in title.notes.text()
    )
    assert title.notes.isVisible() and not body.notes.isVisible()


def test_a_choice_is_saved_and_shown_again(qtbot, database, fonts_dir):
    view = page(qtbot, database)
    row = view.rows[FontRole.BODY]
    assert not view.save_button.isEnabled()
    row.combo.setCurrentIndex(row.combo.findText("SimHei"))
    assert view.save_button.isEnabled() and "1 项修改" in view.pending.text()
    view.save_button.click()
    assert context(database).runner.wait()
    with database.reading() as s:
        assert settings.get(s, setting_key(FontRole.BODY)) == "SimHei"
    assert "SimHei（本单位选定）" in row.in_use.text()
    again = page(qtbot, database)
    assert again.rows[FontRole.BODY].combo.currentText() == "SimHei"
    assert not again.save_button.isEnabled()


def test_a_chosen_font_this_pc_lacks_stays_listed_and_noted(qtbot, database, fonts_dir):
    with database.transaction() as s:
        settings.put(s, context(database).actor(), setting_key(FontRole.HEADING2), "楷体_GB2312")
    view = page(qtbot, database)
    row = view.rows[FontRole.HEADING2]
    assert row.combo.currentText() == "楷体_GB2312（本机未安装）"
    assert "本单位选定的“楷体_GB2312”本机未安装" in row.notes.text()
    assert "ukai.ttc" in row.in_use.text()


def test_the_sample_page_uses_the_unsaved_choice(qtbot, database, fonts_dir):
    view = page(qtbot, database)
    row = view.rows[FontRole.TABLE]
    row.combo.setCurrentIndex(row.combo.findText("SimHei"))
    view.sample_button.click()
    preview = opened_preview(qtbot, view)
    from pypdf import PdfReader

    text = PdfReader(preview.pdf_path).pages[0].extract_text()
    preview.close()
    flat = text.replace("\n", "")  # a long temporary path wraps, wherever the suite runs
    assert "打印字体样张" in flat and "表格（宋体）" in flat and "simhei.ttf" in flat


def test_the_settings_have_a_print_tab_and_the_rules_tab_leaves_fonts_out(qtbot, database):
    view = shown(qtbot, SettingsView(context(database)), size=(1100, 760))
    assert view.tabText(view.indexOf(view.printing)) == "打印"
    assert not any(key.startswith("print.font.") for key in view.rules.rows)


def test_leaving_the_print_tab_with_changes_asks_first(qtbot, database, fonts_dir, monkeypatch):
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked = []

    def answer(box):
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view = shown(qtbot, SettingsView(context(database)), size=(1100, 760))
    view.setCurrentWidget(view.printing)
    row = view.printing.rows[FontRole.HEADING1]
    row.combo.setCurrentIndex(row.combo.findText("SimHei"))
    view.setCurrentWidget(view.users)
    assert view.currentWidget() is view.printing  # 留在此页
    assert asked == ["“打印”中有 1 项修改尚未保存。"]
    view.setCurrentWidget(view.users)
    assert view.currentWidget() is view.users  # 保存
    assert context(database).runner.wait()
    with database.reading() as s:
        assert settings.get(s, setting_key(FontRole.HEADING1)) == "SimHei"
