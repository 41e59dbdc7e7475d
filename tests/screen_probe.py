"""Run in a process of its own on a simulated screen (tests/test_screen_fit.py): open each
top-level window and dialog over a demo office and print, as JSON, every visible button that lies
outside the screen's available area, and every window larger than it.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=F python -m tests.screen_probe DB [DIR]

With DIR, a picture of each window is saved there too, to be looked at.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget, QWizard
from sqlalchemy import select

from app.db import open_database
from app.models import CleanupBatch, Document, ReviewCase
from app.services.permissions import pc_administrator
from app.ui.context import AppContext


def outside(window: QWidget, area: QRect) -> list[str]:
    found = []
    frame = window.frameGeometry()
    maximised = window.isMaximized()  # the screen's own size (give or take scaling's rounding)
    if not maximised and (frame.width() > area.width() or frame.height() > area.height()):
        found.append(f"window {frame.width()}x{frame.height()} > {area.width()}x{area.height()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or not button.text():
            continue
        shown = _scrolled_into(button, window) or button  # scrolled content: its area counts
        top_left = shown.mapToGlobal(shown.rect().topLeft())
        bottom_right = shown.mapToGlobal(shown.rect().bottomRight())
        if not (area.contains(top_left) and area.contains(bottom_right)):
            found.append(f"button {button.text()!r} at {top_left.x()},{top_left.y()}")
    return found


def _scrolled_into(widget: QWidget, window: QWidget) -> QWidget | None:
    """The scroll area `widget` sits in, if any: the clerk scrolls to reach it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def windows(ctx: AppContext) -> list[tuple[str, Callable[[], QWidget]]]:
    from app.ui.cleanup.batch_dialog import BatchDialog
    from app.ui.cleanup.dialogs import NewBatchDialog
    from app.ui.connect_dialog import ConnectDialog
    from app.ui.importing.wizard import ImportWizard
    from app.ui.login_dialog import LoginDialog
    from app.ui.main_window import MainWindow
    from app.ui.register.document_dialog import DocumentDialog, StepDialog
    from app.ui.register.print_dialog import PrintDialog
    from app.ui.register.retire_dialog import RetireDialog
    from app.ui.review.case_dialog import CaseDialog
    from app.ui.review.intake_dialog import IntakeDialog
    from app.ui.settings import issuer_reform as reform
    from app.ui.settings.calendar_page import YearDialog
    from app.ui.settings.issuers_page import AddIssuerDialog, read_issuers
    from app.ui.settings.migrate_dialog import MigrateDialog
    from app.ui.settings.notice_dialog import NoticeDialog
    from app.ui.settings.safety_page import SafetyPage
    from app.ui.setup.wizard import SetupWizard

    with ctx.database.reading() as s:
        doc = s.scalar(select(Document.id).where(Document.status != "draft").limit(1))
        draft = s.scalar(select(Document.id).where(Document.status == "draft").limit(1))
        case = s.scalar(select(ReviewCase.id).order_by(ReviewCase.id.desc()).limit(1))
        batch = s.scalar(select(CleanupBatch.id).order_by(CleanupBatch.id.desc()).limit(1))
        issuer_rows = read_issuers(s)
    issuer = issuer_rows[0]
    found: list[tuple[str, Callable[[], QWidget]]] = [
        ("主窗口", lambda: MainWindow(ctx)),
        ("文件登记簿", lambda: register_window(ctx)),
        ("新建文件", lambda: DocumentDialog(ctx)),
        ("编辑文件", lambda: DocumentDialog(ctx, doc)),
        ("变更文件状态", lambda: RetireDialog(ctx, doc)),
        ("打印登记簿和目录", lambda: PrintDialog(ctx)),
        ("打印目录（公布版）", lambda: public_print_dialog(ctx)),
        ("受理合法性审核", lambda: IntakeDialog(ctx)),
        ("审核案件", lambda: CaseDialog(ctx, case)),
        ("新建清理", lambda: NewBatchDialog(ctx)),
        ("清理批次", lambda: BatchDialog(ctx, batch)),
        ("添加制定机关", lambda: AddIssuerDialog(ctx)),
        ("制定机关更名", lambda: reform.RenameDialog(ctx, issuer)),
        ("制定机关合并", lambda: reform.MergeDialog(ctx, issuer, issuer_rows[1:])),
        ("停用制定机关", lambda: reform.DeactivateDialog(ctx, issuer)),
        ("启用制定机关", lambda: reform.ActivateDialog(ctx, issuer)),
        ("录入年度安排", lambda: YearDialog(ctx, 2027)),
        ("录入放假通知", lambda: NoticeDialog(ctx)),
        ("登录", lambda: LoginDialog(ctx)),
        ("导入台账", lambda: ImportWizard(ctx)),
        ("初始设置", lambda: SetupWizard(ctx)),
        ("设置—规则", lambda: settings_rules(ctx)),
        ("有效期与清理—清理", lambda: cleanup_section(ctx)),
        ("迁移到服务器", lambda: MigrateDialog(ctx)),
        ("数据安全", lambda: SafetyPage(ctx)),
        ("设置—打印", lambda: settings_print_window(ctx)),
        ("初始设置（首次启动）", lambda: SetupWizard(ctx, offer_server=True)),
        ("连接单位服务器", lambda: ConnectDialog(ctx)),
        ("有效期与清理—上位法", lambda: laws_section(ctx)),
        ("正文与依据", lambda: texts_tab_window(ctx, doc)),
        ("记录上位法变化", lambda: record_change_dialog(ctx)),
    ]
    if draft is not None:
        found.append(("记录环节", lambda: StepDialog(ctx, draft)))
    if doc is not None:
        found += text_dialogs(ctx, doc)
    return found + small_dialogs(ctx, doc, case, batch)


def small_dialogs(
    ctx: AppContext, doc: int | None, case: int | None, batch: int | None
) -> list[tuple[str, Callable[[], QWidget]]]:
    from datetime import date

    from app.services import filing, validity, workcalendar
    from app.ui.cleanup.dialogs import DecisionDialog
    from app.ui.filing.dialogs import CorrectedDialog, FiledDialog, ResultDialog
    from app.ui.filing.objection_dialogs import RegisterObjectionDialog
    from app.ui.register.void_number_dialog import VoidNumberDialog
    from app.ui.review.dialogs import ConcludeDialog, ExtendDialog, PauseDialog
    from app.ui.settings.calendar_page import DayDialog
    from app.ui.settings.issuers_page import TemplateDialog, read_issuers
    from app.ui.settings.users_page import AddUserDialog, PasswordDialog
    from app.ui.validity.expiry_page import EvaluationDialog

    with ctx.database.reading() as s:
        cal = workcalendar.load(s)
        rows = filing.register_rows(s, cal)
        issuer = read_issuers(s)[0]
        expiring = validity.expiring(s, date(2000, 1, 1), date(2100, 1, 1))
    found: list[tuple[str, Callable[[], QWidget]]] = [
        ("作废登记编号", lambda: VoidNumberDialog(ctx)),
        ("修改编号模板", lambda: TemplateDialog(ctx, issuer)),
        ("添加用户", lambda: AddUserDialog(ctx)),
        ("修改密码", lambda: PasswordDialog(ctx, "admin")),
        ("更正日历", lambda: DayDialog(ctx, date(2026, 10, 1), "holiday", None)),
        ("打印预览", lambda: preview(ctx)),
        ("打印预览（信函）", lambda: letter_preview(ctx)),
    ]
    if case is not None:
        found += [
            ("中止计时", lambda: PauseDialog(ctx, case)),
            ("延长审核期限", lambda: ExtendDialog(ctx, case)),
            ("办结审核", lambda: ConcludeDialog(ctx, case)),
        ]
    if doc is not None:
        found.append(("登记审查建议", lambda: RegisterObjectionDialog(ctx, doc)))
        if batch is not None:
            found.append(("清理决定", lambda: DecisionDialog(ctx, batch, [doc], "清理决定")))
    if rows:
        found += [
            ("报送备案", lambda: FiledDialog(ctx, rows[0])),
            ("备案结果", lambda: ResultDialog(ctx, rows[0])),
            ("补正完成", lambda: CorrectedDialog(ctx, rows[0])),
        ]
    if expiring:
        found.append(("有效期评估", lambda: EvaluationDialog(ctx, expiring[0])))
    return found


def cleanup_section(ctx: AppContext) -> QWidget:
    """The main window maximised on 清理, its buttons (打印结果通知… among them) in one row."""
    from app.ui.main_window import MainWindow
    from app.ui.validity.view import ValidityView

    window = MainWindow(ctx)
    window.show_section("validity")
    window.setWindowState(Qt.WindowState.WindowMaximized)
    view = window.view(ValidityView)
    view.setCurrentWidget(view.cleanup)
    return window


TEXT = """河清市城乡居民最低生活保障管理办法

第一条 为了规范城乡居民最低生活保障工作，根据《社会救助暂行办法》《中华人民共和国行政许可法》第十二条和《广东省社会救助条例》，结合本市实际，制定本办法。
第二条 本办法适用于本市行政区域内的低保工作。
第三条 低保标准由市民政局会同市财政局拟定。"""


def with_texts(ctx: AppContext, doc: int) -> None:
    """The document gets a 公布文本, a 现行文本 and two bases; a law of them a recorded change
    (once: the probe opens several windows over the same office)."""
    from app.services import legal_bases, texts
    from app.services.vocabulary import LawChangeKind, TextKind

    actor = pc_administrator()
    with ctx.database.transaction() as s:
        if texts.versions(s, doc):
            return
        texts.add_typed(s, actor, doc, TEXT, TextKind.ORIGINAL)
        amended = (
            TEXT.replace("低保工作。", "低保和特困人员供养工作。")
            + "\n第四条 本办法自公布之日起施行。"
        )
        published = s.get(Document, doc).published or date(2020, 1, 1)
        texts.add_typed(s, actor, doc, amended, TextKind.CONSOLIDATED, published)
        legal_bases.add_basis(s, actor, doc, "社会救助暂行办法", "第十条")
        legal_bases.add_basis(s, actor, doc, "中华人民共和国行政许可法", "第十二条")
        legal_bases.record_change(
            s,
            actor,
            "社会救助暂行办法",
            LawChangeKind.REPEALED,
            date(2026, 11, 1),
            "由《社会救助法》取代",
        )


def laws_section(ctx: AppContext) -> QWidget:
    """The main window maximised on 上位法, a change pending."""
    from app.ui.main_window import MainWindow
    from app.ui.validity.view import ValidityView

    with ctx.database.reading() as s:
        doc = s.scalar(select(Document.id).where(Document.status != "draft").limit(1))
    if doc is not None:
        with_texts(ctx, doc)
    window = MainWindow(ctx)
    window.show_section("validity")
    window.setWindowState(Qt.WindowState.WindowMaximized)
    window.view(ValidityView).show_laws()
    return window


def texts_tab_window(ctx: AppContext, doc: int | None) -> QWidget:
    """The register maximised, a document with texts chosen, its 正文与依据 tab shown."""
    from app.ui.main_window import MainWindow
    from app.ui.register.view import RegisterView

    if doc is not None:
        with_texts(ctx, doc)
    window = MainWindow(ctx)
    window.show_section("register")
    window.setWindowState(Qt.WindowState.WindowMaximized)
    view = window.view(RegisterView)
    view.show_detail(True)
    if doc is not None:
        view.select_document(doc)
    view.detail.tabs.setCurrentWidget(view.detail.texts)
    return window


def record_change_dialog(ctx: AppContext) -> QWidget:
    from app.services import legal_bases
    from app.ui.validity.laws_page import RecordChangeDialog

    with ctx.database.reading() as s:
        names = [v.name for v in legal_bases.laws(s)]
    return RecordChangeDialog(ctx, names, None)


def text_dialogs(ctx: AppContext, doc: int) -> list[tuple[str, Callable[[], QWidget]]]:
    from pathlib import Path

    from app.services import basis_suggest, texts
    from app.ui.register.texts_tab import (
        BasisDialog,
        CompareDialog,
        CurrentTextDialog,
        SuggestionsDialog,
    )

    def compare() -> QWidget:
        with_texts(ctx, doc)
        with ctx.database.reading() as s:
            versions = texts.versions(s, doc)
        return CompareDialog(ctx, versions, None)

    found = basis_suggest.suggest(TEXT)
    return [
        ("文本对照", compare),
        ("添加制定依据", lambda: BasisDialog(ctx, doc, ["中华人民共和国行政许可法"], None)),
        ("从正文提取制定依据", lambda: SuggestionsDialog(ctx, doc, found, None)),
        ("录入现行文本", lambda: CurrentTextDialog(ctx, doc, Path("现行文本.docx"), None)),
    ]


def settings_rules(ctx: AppContext) -> QWidget:
    """The main window maximised on 设置, its 规则 tab scrolled to the filing recipients."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QScrollArea

    from app.ui.main_window import MainWindow
    from app.ui.settings.view import SettingsView

    window = MainWindow(ctx)
    window.show_section("settings")
    window.setWindowState(Qt.WindowState.WindowMaximized)
    rules = window.view(SettingsView).rules
    scroll = rules.findChild(QScrollArea)
    label = rules.rows["filing.department.recipient"].label
    QTimer.singleShot(0, lambda: scroll.verticalScrollBar().setValue(label.y()))  # once laid out
    return window


MIN_REGISTER_ROWS = 12  # with the detail pane open, at 125 % on 1366×768


def settings_print_window(ctx: AppContext) -> QWidget:
    """The main window maximised on 设置, its 打印 tab shown."""
    from app.ui.main_window import MainWindow
    from app.ui.settings.view import SettingsView

    window = MainWindow(ctx)
    window.show_section("settings")
    window.setWindowState(Qt.WindowState.WindowMaximized)
    view = window.view(SettingsView)
    view.setCurrentWidget(view.printing)
    return window


def register_window(ctx: AppContext) -> QWidget:
    """The main window maximised on the register, a document chosen, its detail pane open."""
    from app.ui.main_window import MainWindow
    from app.ui.register.view import RegisterView

    window = MainWindow(ctx)
    window.show_section("register")
    window.setWindowState(Qt.WindowState.WindowMaximized)
    view = window.view(RegisterView)
    view.show_detail(True)

    def problems() -> list[str]:
        view.table.selectRow(0)
        viewport = view.table.viewport()
        rows = sum(
            1
            for row in range(view.model.rowCount())
            if view.table.visualRect(view.model.index(row, 0)).top() >= 0
            and view.table.visualRect(view.model.index(row, 0)).bottom() <= viewport.height()
        )
        if rows < MIN_REGISTER_ROWS and view.model.rowCount() >= MIN_REGISTER_ROWS:
            return [f"register shows {rows} whole rows < {MIN_REGISTER_ROWS}"]
        return []

    window.probe_problems = problems  # type: ignore[attr-defined]
    return window


def public_print_dialog(ctx: AppContext) -> QWidget:
    """打印登记簿和目录 on the 现行有效目录 in its 公布版: the 版式 row and 另存为 Word… shown."""
    from app.ui.register.print_dialog import PrintDialog

    dialog = PrintDialog(ctx)
    dialog.kind.setCurrentIndex(dialog.kind.findData("current"))
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(True))
    return dialog


def preview(ctx: AppContext) -> QWidget:
    """The register as printed (landscape, many pages) in the program's preview."""
    from app.reports import catalog_output
    from app.services.catalogs import CatalogFilter
    from app.ui.widgets.pdf_preview import PdfPreview, scratch_pdf

    target = scratch_pdf()
    with ctx.database.reading() as s:
        catalog_output.write_pdf(s, "register", CatalogFilter(None, None, None), target)
    return PdfPreview(target, "登记簿")


def letter_preview(ctx: AppContext) -> QWidget:
    """A letter (a review opinion) in the preview, with its 另存为 Word… beside 另存为 PDF…."""
    from app.reports import review_opinion
    from app.services.vocabulary import ReviewStatus
    from app.ui.widgets.pdf_preview import PdfPreview, scratch_pdf

    target = scratch_pdf()
    with ctx.database.reading() as s:
        case = s.scalar(select(ReviewCase.id).where(ReviewCase.status == ReviewStatus.CONCLUDED))
        review_opinion.pdf(s, case, target, date.today())
    return PdfPreview(target, "合法性审核意见书", None, lambda _path, _parent: None)


def main() -> None:
    app = QApplication([])
    database = open_database(f"sqlite:///{sys.argv[1]}")
    ctx = AppContext.open(database, pc_administrator())
    area = app.primaryScreen().availableGeometry()
    report: dict[str, list[str]] = {}
    for name, make in windows(ctx):
        starts: list[int | None] = [None]
        if name == "初始设置":  # each page, started on (the later ones need input to reach)
            probe = make()
            starts = list(probe.pageIds())[:-1]  # the summary needs the pages before it
            probe.deleteLater()
        for start in starts:
            window = make()
            if start is not None:
                assert isinstance(window, QWizard)
                window.setStartId(start)
            window.show()
            app.processEvents()
            ctx.runner.wait()
            app.processEvents()
            if len(sys.argv) > 2:
                label = name if start is None else f"{name}-{start}"
                window.grab().save(f"{sys.argv[2]}/{label}.png")
            problems = outside(window, area) + getattr(window, "probe_problems", list)()
            if problems:
                report[name if start is None else f"{name}（第 {start} 页）"] = problems
            window.close()
            window.deleteLater()
            app.processEvents()
    ctx.runner.wait()
    database.close()
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
