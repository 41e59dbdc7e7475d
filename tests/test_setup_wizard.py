from datetime import date

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from app import clock
from app.models import AuditEntry, Document
from app.services import issuers, settings, users
from app.services.permissions import SYSTEM, Actor, Role
from app.ui import startup_checks
from app.ui.setup.pages import ADMIN, DEMO_OFFICE, FILING, ISSUERS, OFFICE, SUMMARY, VALIDITY
from app.ui.setup.wizard import SetupWizard
from tests.factories import add_issuer, register
from tests.ui_context import context
from tests.widgets import shown


@pytest.fixture
def today():
    clock.fix_today(date(2026, 3, 16))


@pytest.fixture
def wizard(qtbot, database, today):
    return shown(qtbot, SetupWizard(context(database)))


def wait(database) -> None:
    assert context(database).runner.wait(60_000)


def stored(database, key):
    with database.reading() as s:
        return settings.get(s, key)


def add_body(wizard, database, name, code, abbr, template, level="department") -> None:
    form = wizard.steps[ISSUERS].form
    form.name.setText(name)
    form.code.setText(code)
    form.abbr.setText(abbr)
    form.level.setCurrentIndex(form.level.findData(level))
    form.template.line.setText(template)
    wizard.steps[ISSUERS].add_button.click()
    wait(database)


def to_issuers(wizard) -> None:
    """Past the office's name to the issuing bodies."""
    wizard.next()
    wizard.steps[OFFICE].name.setText("河清市司法局")
    wizard.next()


RECIPIENTS = {
    "filing.department.recipient": "河清市人民政府",
    "filing.government.recipient": "江州市人民政府",
    "filing.congress.recipient": "河清市人大常委会",
}


def to_filing(wizard, database, template="{code}GS-{year}-{seq:03d}") -> None:
    """Past the office and one issuing body, 民政局, to the filing rules, its recipients named."""
    to_issuers(wizard)
    add_body(wizard, database, "河清市民政局", "MZ", "河民发", template)
    wizard.next()
    assert wizard.currentId() == FILING
    page = wizard.steps[FILING]
    assert not page.isComplete()  # the placeholders are hints, not names
    for key, name in RECIPIENTS.items():
        page.editors[key].setText(name)
    assert page.isComplete()


def fill_admin(wizard, password="abc12345", confirm="abc12345") -> None:
    page = wizard.steps[ADMIN]
    page.username.setText("admin")
    page.name.setText("张三")
    page.password.setText(password)
    page.confirm.setText(confirm)


def finish(wizard, database) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait(database)


def test_wizard_sets_up_an_office_whose_documents_get_the_configured_number(wizard, database):
    to_filing(wizard, database)
    wizard.steps[FILING].editors["filing.department.days"].setValue(30)
    wizard.steps[FILING].editors["filing.department.working_days"].setChecked(True)
    wizard.next()
    wizard.steps[VALIDITY].editors["validity.default_years"].setValue(3)
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    assert wizard.currentId() == SUMMARY
    assert "MZGS-2026-001" in wizard.steps[SUMMARY].text.text()
    finish(wizard, database)

    assert wizard.result() == QWizard.DialogCode.Accepted and not wizard.isVisible()
    assert stored(database, "office.name") == "河清市司法局"
    assert stored(database, "filing.department.days") == 30
    assert stored(database, "filing.department.working_days") is True
    assert stored(database, "validity.default_years") == 3
    for key, name in RECIPIENTS.items():
        assert stored(database, key) == name
    assert wizard.admin.name == "admin" and wizard.admin.role == "管理员"
    with database.transaction() as s:
        assert users.login_required(s)
        assert register(s, issuer="MZ", published=date(2026, 3, 3)).reg_number == "MZGS-2026-001"
        summaries = list(s.scalars(select(AuditEntry.summary)))
    assert "添加制定机关 河清市民政局" in summaries
    assert "修改设置：单位名称" in summaries
    assert "添加用户 admin（管理员）" in summaries


def test_template_without_serial_is_refused_with_the_services_message(wizard, database):
    to_issuers(wizard)
    page = wizard.steps[ISSUERS]
    page.form.code.setText("MZ")
    page.form.template.line.setText("{code}GS-{year}")
    message = "登记编号模板：“{code}GS-{year}”必须包含序号字段 {seq}，否则编号会重复。"
    assert page.form.template.preview.text() == message  # live, before adding
    page.form.template.line.setText("{code}GS-{year}-{seq:03d}")
    assert page.form.template.preview.text() == "下一个编号：MZGS-2026-001"
    page.form.template.line.setText("{code}GS-{year}")
    add_body(wizard, database, "河清市民政局", "MZ", "河民发", "{code}GS-{year}")
    assert page.error.text() == message
    assert page.added == [] and not page.isComplete()
    with database.reading() as s:
        assert issuers.list_issuers(s) == []


def test_admin_passwords_must_match(wizard, database):
    to_filing(wizard, database, "{code}-{year}-{seq:03d}")
    wizard.next()
    wizard.next()
    assert not wizard.steps[ADMIN].isComplete()  # no users yet: the account may not be skipped
    fill_admin(wizard, confirm="abc123456")
    wizard.next()
    assert wizard.currentId() == ADMIN
    assert wizard.steps[ADMIN].error.text() == "确认密码：两次输入的密码不一致。"


def test_demo_choice_fills_documents_and_marks_the_office_as_demo(wizard, database):
    wizard.steps[0].demo.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    finish(wizard, database)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert stored(database, "office.name") == DEMO_OFFICE
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 500
        assert len(issuers.list_issuers(s)) == 12


def test_rerun_keeps_issuers_and_starts_from_the_current_settings(qtbot, database, today):
    with database.transaction() as s:
        add_issuer(s)
        settings.put(s, SYSTEM, "office.name", "河清市司法局")
        settings.put(s, SYSTEM, "validity.default_years", 4)
        for key, name in RECIPIENTS.items():
            settings.put(s, SYSTEM, key, name)
        users.add_user(s, SYSTEM, "admin", "张三", "管理员", "abc12345")
    wizard = shown(qtbot, SetupWizard(context(database)))
    assert not wizard.steps[0].demo.isEnabled()
    wizard.next()
    assert wizard.steps[OFFICE].name.text() == "河清市司法局"
    wizard.next()
    assert [row.code for row in wizard.steps[ISSUERS].office.issuers] == ["MZ"]
    assert wizard.steps[ISSUERS].isComplete()
    add_body(wizard, database, "河清市财政局", "CZ", "河财发", "{code}GS-{year}-{seq:03d}")
    wizard.next()
    assert wizard.steps[FILING].editors["filing.government.recipient"].text() == "江州市人民政府"
    wizard.next()
    assert wizard.steps[VALIDITY].editors["validity.default_years"].value() == 4
    wizard.next()
    assert wizard.steps[ADMIN].isComplete()  # users exist: may be skipped
    wizard.next()
    finish(wizard, database)
    assert wizard.admin is None
    with database.reading() as s:
        assert [i.code for i in issuers.list_issuers(s)] == ["CZ", "MZ"]
        assert len(users.list_users(s)) == 1
        setting_records = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "setting")
        )
    assert setting_records == 5  # only the five put above: unchanged values are not re-saved


def test_refusal_at_finish_keeps_the_wizard_open_and_saves_nothing(wizard, database):
    to_filing(wizard, database, "{code}-{year}-{seq:03d}")
    for _ in range(2):
        wizard.next()
    fill_admin(wizard)
    wizard.next()
    wizard.ctx.user = Actor("clerk", Role.CLERK)  # someone without the rights
    finish(wizard, database)
    assert wizard.isVisible()
    assert wizard.steps[SUMMARY].error.text().startswith("未保存：用户“clerk”（登记员）无权执行")
    with database.reading() as s:
        assert users.office_is_empty(s)


def test_wizard_is_shown_on_an_empty_database_only(qtbot, database, monkeypatch):
    shown = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: shown.append(self) or 0)
    assert startup_checks.sign_in(context(database))
    assert len(shown) == 1
    with database.transaction() as s:
        add_issuer(s)
    assert startup_checks.sign_in(context(database))
    assert len(shown) == 1


def test_a_whole_issuer_typed_but_not_added_is_added_on_next(wizard, database):
    to_issuers(wizard)
    page = wizard.steps[ISSUERS]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    page.form.name.setText("河清市民政局")
    page.form.code.setText("MZ")
    assert not next_button.isEnabled()  # no abbreviation yet: not a whole body
    page.form.abbr.setText("河民发")
    assert next_button.isEnabled()
    next_button.click()
    wait(database)
    assert wizard.currentId() == FILING
    assert [(i.code, i.name, i.abbr) for i in page.added] == [("MZ", "河清市民政局", "河民发")]
    with database.reading() as s:
        assert issuers.list_issuers(s) == []  # saved at 完成, as one added with the button


def test_a_typed_issuer_the_service_refuses_keeps_the_wizard_on_the_page(wizard, database):
    to_issuers(wizard)
    page = wizard.steps[ISSUERS]
    page.form.name.setText("河清市民政局")
    page.form.code.setText("MZ")
    page.form.abbr.setText("河民发")
    page.form.template.line.setText("{code}GS-{year}")
    wizard.button(QWizard.WizardButton.NextButton).click()
    wait(database)
    assert wizard.currentId() == ISSUERS and page.added == []
    assert "必须包含序号字段" in page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # until corrected
    page.form.template.line.setText("{code}GS-{year}-{seq:03d}")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_filing_page_asks_for_the_recipients_real_names(wizard, database):
    to_issuers(wizard)
    add_body(wizard, database, "河清市民政局", "MZ", "河民发", "{code}GS-{year}-{seq:03d}")
    wizard.next()
    page = wizard.steps[FILING]
    edits = {key: page.editors[key] for key in RECIPIENTS}
    assert [e.text() for e in edits.values()] == ["", "", ""]
    assert [e.placeholderText() for e in edits.values()] == [
        f"例如：{name}" for name in RECIPIENTS.values()
    ]
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    edits["filing.department.recipient"].setText("河清市人民政府")
    edits["filing.government.recipient"].setText("江州市人民政府")
    assert page.isComplete()  # the congress may be left empty: not filed there
    for key, name in RECIPIENTS.items():
        edits[key].setText(name)
    edits["filing.government.recipient"].setText("上一级人民政府")
    wizard.next()
    assert wizard.currentId() == FILING
    assert "“上一级人民政府”不是机关全称" in page.error.text()
    edits["filing.government.recipient"].setText("江州市人民政府")
    wizard.next()
    assert wizard.currentId() == VALIDITY
