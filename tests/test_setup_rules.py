"""The rules issue 21 made settings are decided in the first-run wizard too: validity start and
limits, the filing clock's start event, the correction and revocation periods, the yearly reset
of registration numbers. Each is offered with its default preselected and its explanation, and
saved through the settings service."""

from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QWizard

from app import clock
from app.services import settings
from app.ui.settings.rules_page import editor_value
from app.ui.settings.view import SettingsView
from app.ui.setup.pages import FILING, SUMMARY, VALIDITY
from app.ui.setup.wizard import SetupWizard
from tests.test_setup_wizard import fill_admin, to_filing
from tests.ui_context import context
from tests.widgets import shown

ISSUE_21_KEYS = {
    FILING: ("filing.start_event", "filing.correction_days", "filing.revocation_days"),
    VALIDITY: ("validity.start", "validity.notice_years", "numbering.yearly_reset"),
}


@pytest.fixture
def wizard(qtbot, database):
    clock.fix_today(date(2026, 3, 16))
    return shown(qtbot, SetupWizard(context(database)))


def test_the_wizard_offers_each_rule_with_its_default_and_its_explanation(wizard):
    for page_id, keys in ISSUE_21_KEYS.items():
        page = wizard.steps[page_id]
        notes = {label.text() for label in page.findChildren(QLabel)}
        for key in keys:
            rule = settings.RULES[key]
            assert editor_value(page.editors[key]) == rule.default, key
            assert rule.help in notes, key
    start = wizard.steps[VALIDITY].editors["validity.start"]
    assert isinstance(start, QComboBox)
    assert [start.itemText(i) for i in range(start.count())] == ["施行日期", "公布日期"]


def test_two_rules_changed_in_the_wizard_are_saved_through_the_settings_service(wizard, database):
    to_filing(wizard, database)
    event = wizard.steps[FILING].editors["filing.start_event"]
    event.setCurrentIndex(event.findText("印发日期"))
    wizard.next()
    assert wizard.currentId() == VALIDITY
    wizard.steps[VALIDITY].editors["validity.start"].setCurrentIndex(1)  # 公布日期
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    assert wizard.currentId() == SUMMARY
    text = wizard.steps[SUMMARY].text.text()
    assert "印发后 15 日内报河清市人民政府" in text
    assert "自公布日期起算；一般 5 年" in text
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert context(database).runner.wait(60_000)
    assert wizard.result() == QWizard.DialogCode.Accepted
    with database.reading() as s:
        assert settings.get(s, "filing.start_event") == "issued"
        assert settings.get(s, "validity.start") == "published"
        for keys in ISSUE_21_KEYS.values():
            for key in set(keys) - {"filing.start_event", "validity.start"}:
                assert settings.get(s, key) == settings.RULES[key].default


def test_a_rerun_shows_the_rules_as_the_office_set_them(qtbot, database):
    from app.services.permissions import SYSTEM

    with database.transaction() as s:
        settings.put(s, SYSTEM, "numbering.yearly_reset", False)
        settings.put(s, SYSTEM, "filing.revocation_days", 45)
    wizard = SetupWizard(context(database))
    qtbot.addWidget(wizard)
    assert editor_value(wizard.steps[VALIDITY].editors["numbering.yearly_reset"]) is False
    assert editor_value(wizard.steps[FILING].editors["filing.revocation_days"]) == 45


def test_the_settings_page_offers_every_rule_the_wizard_does(qtbot, database):
    view = SettingsView(context(database))
    qtbot.addWidget(view)
    offered = set(view.rules.rows)
    for keys in ISSUE_21_KEYS.values():
        assert set(keys) <= offered
    assert isinstance(view.rules.rows["filing.start_event"].editor, QComboBox)


def test_every_rules_buttons_fit_the_settings_page_without_scrolling_sideways(qtbot, database):
    from PySide6.QtWidgets import QScrollArea

    view = SettingsView(context(database))
    qtbot.addWidget(view)
    view.resize(1000, 700)  # the settings section at 1366×768, 125 %, beside the navigation
    view.show()
    qtbot.waitExposed(view)
    area = view.rules.findChild(QScrollArea)
    assert area.horizontalScrollBar().maximum() == 0
    right = area.viewport().width()
    for key, row in view.rules.rows.items():
        assert row.reset.mapTo(area.viewport(), row.reset.rect().topRight()).x() < right, key
