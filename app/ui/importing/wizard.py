"""导入台账: bring an office's existing Excel ledger into the register, step by step.

选择文件 → 表头与列对应 → 检查 (a dry run, nothing written) → 导入 (one transaction). The pages
live in pages.py and mapping_page.py; the rules in app.services.importing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from app.ui.context import AppContext
from app.ui.importing.mapping_page import MappingPage
from app.ui.importing.pages import CheckPage, ConfirmPage, FilePage, ImportPage, ImportState
from app.ui.widgets import state

BUTTON_TEXTS = {
    QWizard.WizardButton.BackButton: "< 上一步",
    QWizard.WizardButton.NextButton: "下一步 >",
    QWizard.WizardButton.FinishButton: "导入",
    QWizard.WizardButton.CancelButton: "取消",
}


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("导入台账")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in BUTTON_TEXTS.items():
            self.setButtonText(button, text)
        self.state = ImportState()
        self.file_page = FilePage(ctx, self.state)
        self.mapping_page = MappingPage(ctx, self.state)
        self.check_page = CheckPage(ctx, self.state)
        self.confirm_page = ConfirmPage(ctx, self.state)
        for page in self.import_pages():
            self.addPage(page)
        state.resize_within_screen(self, 940, 720)

    def import_pages(self) -> tuple[ImportPage, ...]:
        return (self.file_page, self.mapping_page, self.check_page, self.confirm_page)

    def busy(self) -> bool:
        return any(page.job is not None for page in self.import_pages())

    def done(self, result: int) -> None:
        # While a page's work runs, its progress dialog's 取消 is the way out: a closed wizard
        # could not show the outcome.
        if not self.busy():
            super().done(result)
