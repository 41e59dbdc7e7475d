import pytest
from PySide6.QtWidgets import QApplication

from app.services import issuers
from app.services.permissions import SYSTEM
from app.ui.settings.issuers_page import AddIssuerDialog
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def office(database):
    with database.transaction() as s:
        issuers.add_issuer(
            s, SYSTEM, "MZ", "河清市民政局", "河民发", template="HQGS-{year}-{seq:03d}"
        )
    return database


def add(qtbot, database, template: str) -> AddIssuerDialog:
    dialog = shown(qtbot, AddIssuerDialog(context(database)))
    dialog.issuer.name.setText("河清市财政局")
    dialog.issuer.code.setText("CZ")
    dialog.issuer.abbr.setText("河财发")
    dialog.issuer.template.line.setText(template)
    dialog.submit()
    assert context(database).runner.wait()
    return dialog


@pytest.mark.parametrize(
    ("template", "refusal"),
    [("{code}GS-{seq:03d}", "必须包含年份字段 {year}"), ("HQGS-{year}-{seq}", "会生成相同的编号")],
)
def test_template_refused_when_set_names_the_field_and_focuses_it(qtbot, office, template, refusal):
    dialog = add(qtbot, office, template)
    assert dialog.error.text().startswith(f"登记编号模板：“{template}”")
    assert refusal in dialog.error.text()
    assert dialog.issuer.template.isAncestorOf(QApplication.focusWidget())
    with office.reading() as s:
        assert [i.code for i in issuers.list_issuers(s)] == ["MZ"]


def test_the_page_says_whether_serials_start_again_and_the_form_follows_the_setting(qtbot, office):
    from app.services import settings
    from app.ui.settings.issuers_page import IssuersPage

    page = IssuersPage(context(office))
    qtbot.addWidget(page)
    assert page.reset_note.text().startswith("登记编号的序号每年从 1 重新开始")
    with office.transaction() as s:
        settings.put(s, SYSTEM, "numbering.yearly_reset", False)
    page.on_data_changed({"settings"})
    assert page.reset_note.text().startswith("登记编号的序号跨年连续编排")
    dialog = add(qtbot, office, "CZGS-{seq:04d}")  # no {year}: accepted while serials run on
    assert not dialog.isVisible()
    with office.reading() as s:
        assert issuers.by_code(s, "CZ").reg_template == "CZGS-{seq:04d}"
