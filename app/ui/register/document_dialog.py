"""Dialogs that change a document: create or edit it (DocumentDialog), record a step (StepDialog).

Both check what the form alone can tell (empty title, unparsable 发文字号) before asking the
service; a refusal from the service is shown in the dialog, which stays open with the input intact.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import UserError
from app.services import (
    docnumber,
    documents,
    issuers,
    numbering,
    publication,
    registration,
    validity,
)
from app.services.documents import DocumentInput
from app.services.lifecycle import (
    DRAFTING,
    FAIR_COMPETITION_OUTCOMES,
    REVIEW_OUTCOMES,
    STEP_LABELS,
)
from app.services.vocabulary import DocFlag, Step
from app.ui.changes import Change
from app.ui.context import AppContext
from app.ui.widgets.fields import OptionalDate, date_edit, line_edit, pydate
from app.ui.widgets.form_dialog import ServiceDialog

MODE_PUBLISHED = "published"
MODE_DRAFT = "draft"
STEP_OUTCOMES = {
    Step.LEGALITY_REVIEW: REVIEW_OUTCOMES,
    Step.FAIR_COMPETITION: FAIR_COMPETITION_OUTCOMES,
}


class DocumentDialog(ServiceDialog):
    announces = frozenset({Change.DOCUMENTS})

    """新建草稿 / 登记已公布文件, or edit an existing document (doc_id given)."""

    def __init__(
        self, ctx: AppContext, doc_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.doc_id = doc_id
        self.version = 0
        self.status = ""
        # The numbers the clerk confirmed as typed: one skipping serials, one with another
        # abbreviation than the issuer's; kept while the field holds that text.
        self.confirmed_gap: str | None = None
        self.confirmed_abbr: str | None = None
        self.abbrs: dict[str, str] = {}  # each issuer's 发文机关代字, by code
        self.setWindowTitle("编辑文件" if doc_id else "新建文件")
        self.setMinimumWidth(560)

        self.mode_published = QRadioButton("登记已公布文件")
        self.mode_draft = QRadioButton("新建草稿")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.mode_published)
        self.mode_group.addButton(self.mode_draft)
        self.mode_published.setChecked(True)
        self.mode_published.toggled.connect(self._update_mode)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.mode_published)
        mode_row.addWidget(self.mode_draft)
        mode_row.addStretch(1)
        self.mode_box = QWidget()
        self.mode_box.setLayout(mode_row)
        mode_row.setContentsMargins(0, 0, 0, 0)

        self.issuer = QComboBox()
        self.title = line_edit("文件全称")
        self.doc_number = line_edit()
        self.reg_number = line_edit("留空则自动分配")
        self.published = OptionalDate()
        self.effective = OptionalDate("填写（默认同公布日期）")
        self.valid_until = OptionalDate("填写（默认按规则计算）")
        self.issued = OptionalDate("印发")
        self.signed = OptionalDate("签署")
        other_dates = QHBoxLayout()
        other_dates.setContentsMargins(0, 0, 0, 0)
        other_dates.addWidget(self.issued)
        other_dates.addWidget(self.signed)
        self.other_dates = QWidget()
        self.other_dates.setLayout(other_dates)
        self.term_reason = QLineEdit()  # shown only when the service says the term needs one
        self.drafting_unit = QLineEdit()
        self.keywords = line_edit("以空格或顿号分隔")
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)  # Tab moves on, as in every field
        self.summary.setFixedHeight(60)
        self.remarks = QPlainTextEdit()
        self.remarks.setTabChangesFocus(True)  # Tab moves on, as in every field
        self.remarks.setFixedHeight(48)
        self.important = QCheckBox(DocFlag.IMPORTANT.with_duty)
        self.public_facing = QCheckBox(DocFlag.PUBLIC_FACING.with_duty)
        self.business_related = QCheckBox(DocFlag.BUSINESS_RELATED.with_duty)
        self.market_related = QCheckBox(DocFlag.MARKET_RELATED.with_duty)
        flags = QGridLayout()
        flags.addWidget(self.important, 0, 0)
        flags.addWidget(self.public_facing, 0, 1)
        flags.addWidget(self.business_related, 1, 0)
        flags.addWidget(self.market_related, 1, 1)
        # 不予公开: left out of the publication folder, with the reason (publication.set_withheld)
        self.withheld = QCheckBox("不予公开")
        self.withheld.setToolTip("不列入发布目录（政府网站规范性文件栏目）；须写明原因")
        self.withheld_reason = line_edit(f"{publication.REASON}（必填）")
        self.loaded_withheld: tuple[bool, str] = (False, "")
        disclosure = QHBoxLayout()
        disclosure.setContentsMargins(0, 0, 0, 0)
        disclosure.addWidget(self.withheld)
        disclosure.addWidget(self.withheld_reason, 1)
        self.disclosure = QWidget()
        self.disclosure.setLayout(disclosure)
        self.withheld.toggled.connect(self.withheld_reason.setEnabled)
        self.withheld_reason.setEnabled(False)

        self.fields.update(
            {
                "制定机关": self.issuer,
                "文件名称": self.title,
                "发文字号": self.doc_number,
                "登记编号": self.reg_number,
                "起草单位": self.drafting_unit,
                "关键词": self.keywords,
                "摘要": self.summary,
                "备注": self.remarks,
                validity.TERM_REASON: self.term_reason,
                publication.REASON: self.withheld_reason,
            }
        )
        form = QFormLayout()
        form.addRow("类型：", self.mode_box)
        form.addRow("制定机关：", self.issuer)
        form.addRow("文件名称：", self.title)
        form.addRow("发文字号：", self.doc_number)
        form.addRow("登记编号：", self.reg_number)
        form.addRow("公布日期：", self.published)
        form.addRow("施行日期：", self.effective)
        form.addRow("有效期至：", self.valid_until)
        form.addRow(f"{validity.TERM_REASON}：", self.term_reason)
        form.addRow("印发/签署日期：", self.other_dates)
        form.addRow("起草单位：", self.drafting_unit)
        form.addRow("关键词：", self.keywords)
        form.addRow("摘要：", self.summary)
        form.addRow("备注：", self.remarks)
        form.addRow("文件属性：", flags)
        form.addRow("公开属性：", self.disclosure)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._load_issuers()
        if doc_id is not None:
            self._load_document(doc_id)
        else:
            self.published.set_value(clock.today())
        self._update_mode()
        self._update_number_hint()
        self.issuer.currentIndexChanged.connect(self._update_number_hint)
        self.published.edit.dateChanged.connect(self._update_number_hint)
        self.title.textChanged.connect(self._update_term_reason)
        for date_field in (self.published, self.effective, self.valid_until):
            date_field.enabled.toggled.connect(self._update_term_reason)
            date_field.edit.dateChanged.connect(self._update_term_reason)
        self.mode_published.toggled.connect(self._update_term_reason)
        self._update_term_reason()
        self.title.setFocus()

    def _update_term_reason(self) -> None:
        """The reason row appears when the service says this 有效期至 exceeds the longest term."""
        data = self.document_input()
        with self.database.reading() as s:
            limit = validity.term_limit_exceeded(
                s, data.title, data.published, data.effective, data.valid_until
            )
        self.form.setRowVisible(self.term_reason, limit is not None)
        self.term_reason.setPlaceholderText(f"{limit.note}，请写明理由" if limit else "")

    def _load_issuers(self) -> None:
        with self.database.reading() as s:
            found = [(i.code, i.name, i.abbr) for i in issuers.list_issuers(s, active_only=True)]
        for code, name, abbr in found:
            self.issuer.addItem(name, code)
            self.abbrs[code] = abbr

    def _update_number_hint(self) -> None:
        year = (self.published.value() or clock.today()).year
        abbr = self.abbrs.get(self.issuer.currentData() or "", "")
        self.doc_number.setPlaceholderText(docnumber.example(abbr, year))

    def _load_document(self, doc_id: int) -> None:
        with self.database.reading() as s:
            doc = documents.get(s, doc_id)
            data = documents.input_from(doc)
            self.version, self.status = doc.version, doc.status
            issuer_name = doc.issuer.name
            self.abbrs[doc.issuer.code] = doc.issuer.abbr
            self.loaded_withheld = (bool(doc.withheld), publication.withheld_reason(s, doc_id))
        self.mode_box.hide()
        self.mode_draft.setChecked(self.status in DRAFTING)
        if self.issuer.findData(data.issuer_code) < 0:
            self.issuer.addItem(issuer_name, data.issuer_code)
        self.issuer.setCurrentIndex(self.issuer.findData(data.issuer_code))
        self.title.setText(data.title)
        self.doc_number.setText(data.doc_number or "")
        self.reg_number.setText(data.reg_number or "")
        self.reg_number.setReadOnly(True)
        self.reg_number.setPlaceholderText("公布时分配")
        self.published.set_value(data.published)
        self.effective.set_value(data.effective)
        self.valid_until.set_value(data.valid_until)
        self.issued.set_value(data.issued)
        self.signed.set_value(data.signed)
        self.term_reason.setText(data.term_reason or "")
        self.drafting_unit.setText(data.drafting_unit)
        self.keywords.setText(data.keywords)
        self.summary.setPlainText(data.summary)
        self.remarks.setPlainText(data.remarks)
        for box, value in (
            (self.important, data.important),
            (self.public_facing, data.public_facing),
            (self.business_related, data.business_related),
            (self.market_related, data.market_related),
        ):
            box.setChecked(value)
        self.withheld.setChecked(self.loaded_withheld[0])
        self.withheld_reason.setText(self.loaded_withheld[1])

    def disclosure_changed(self) -> tuple[bool, str] | None:
        """不予公开 and its reason as the form has them, when they differ from what was loaded."""
        chosen = (self.withheld.isChecked(), self.withheld_reason.text().strip())
        if not chosen[0]:
            chosen = (False, "")
        return chosen if chosen != self.loaded_withheld else None

    def mode(self) -> str:
        return MODE_PUBLISHED if self.mode_published.isChecked() else MODE_DRAFT

    def set_mode(self, mode: str) -> None:
        (self.mode_published if mode == MODE_PUBLISHED else self.mode_draft).setChecked(True)

    def _update_mode(self) -> None:
        # Numbers and dates belong to publication: a draft gets them when it is published.
        published = self.mode() == MODE_PUBLISHED
        for widget in (
            self.doc_number,
            self.published,
            self.effective,
            self.valid_until,
            self.other_dates,
        ):
            widget.setEnabled(published)
        self.reg_number.setEnabled(published and self.doc_id is None)
        if published and self.doc_id is None and self.published.value() is None:
            self.published.set_value(clock.today())

    def document_input(self) -> DocumentInput:
        published = self.mode() == MODE_PUBLISHED
        return DocumentInput(
            issuer_code=self.issuer.currentData() or "",
            title=self.title.text().strip(),
            doc_number=(self.doc_number.text().strip() or None) if published else None,
            reg_number=self.reg_number.text().strip() or None,
            published=self.published.value() if published else None,
            effective=self.effective.value() if published else None,
            valid_until=self.valid_until.value() if published else None,
            issued=self.issued.value() if published else None,
            signed=self.signed.value() if published else None,
            term_reason=self.term_reason.text().strip() or None,
            drafting_unit=self.drafting_unit.text().strip(),
            keywords=self.keywords.text().strip(),
            summary=self.summary.toPlainText().strip(),
            remarks=self.remarks.toPlainText().strip(),
            important=self.important.isChecked(),
            public_facing=self.public_facing.isChecked(),
            business_related=self.business_related.isChecked(),
            market_related=self.market_related.isChecked(),
        )

    def prepare(self):
        data = self.document_input()
        if not data.issuer_code:
            self._refuse(self.issuer, "制定机关：请选择制定机关；如列表为空，请先在设置中添加。")
        if not data.title:
            self._refuse(self.title, "文件名称：不能为空。")
        if data.doc_number:
            try:
                docnumber.parse(data.doc_number)
            except UserError:
                self.doc_number.setFocus()
                raise
        if self.mode() == MODE_PUBLISHED and data.published is None:
            self._refuse(self.published.enabled, "公布日期：登记已公布的文件必须填写公布日期。")
        if self.withheld.isChecked() and not self.withheld_reason.text().strip():
            self._refuse(
                self.withheld_reason, f"{publication.REASON}：不予公开的文件必须写明原因。"
            )
        actor, doc_id, version, mode = self.ctx.actor(), self.doc_id, self.version, self.mode()
        disclosure = self.disclosure_changed()
        allow_gap = data.reg_number is not None and data.reg_number == self.confirmed_gap
        allow_abbr = data.doc_number is not None and data.doc_number == self.confirmed_abbr

        def work(s, _progress) -> int:
            if doc_id is not None:
                saved = documents.update_document(
                    s, actor, doc_id, data, version, allow_abbr=allow_abbr
                ).id
            elif mode == MODE_DRAFT:
                saved = documents.create_draft(s, actor, data).id
            else:
                saved = registration.register_published(
                    s, actor, data, allow_gap=allow_gap, allow_abbr=allow_abbr
                ).id
            if disclosure is not None:  # in the same transaction: saved together or not at all
                publication.set_withheld(s, actor, saved, *disclosure)
            return saved

        return work

    def _failed(self, exc: BaseException) -> None:
        # The service says what needs confirming; the clerk confirms, then it retries.
        typed_reg = self.reg_number.text().strip()
        if isinstance(exc, numbering.GapNotConfirmed) and self.confirmed_gap != typed_reg:
            question = f"{exc.message}\n\n确实要使用登记编号“{exc.skip.number}”吗？"
            if _confirm_and_save(self, "确认跳号", question, "跳号登记", self.reg_number):
                self.confirmed_gap = typed_reg
                self.submit()
            return
        if not _asked_about_abbr(self, exc):
            super()._failed(exc)

    @staticmethod
    def _refuse(widget: QWidget, message: str) -> None:
        widget.setFocus()
        raise UserError(message)


class StepDialog(ServiceDialog):
    announces = frozenset({Change.DOCUMENTS})

    """记录环节: a drafting step with its date, outcome and note, or the publication itself."""

    def __init__(self, ctx: AppContext, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.doc_id = doc_id
        self.confirmed_abbr: str | None = None  # a 发文字号 confirmed as typed
        self.setWindowTitle("记录办理环节")
        self.setMinimumWidth(460)
        with ctx.database.reading() as s:
            doc = documents.get(s, doc_id)
            title = self.doc_title = doc.title
            self.abbr = doc.issuer.abbr
            missing = [e.step for e in documents.timeline(s, doc_id) if e.done_on is None]

        self.step = QComboBox()
        for code, label in STEP_LABELS.items():
            if code != Step.DRAFT:
                self.step.addItem(label, code)
        self.done_on = date_edit()
        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        self.note = QLineEdit()
        self.period_start, self.period_end = date_edit(), date_edit()
        period = QHBoxLayout()
        period.addWidget(self.period_start)
        period.addWidget(QLabel("至"))
        period.addWidget(self.period_end)
        self.period_box = QWidget()
        self.period_box.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        self.doc_number = line_edit()
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems(["", *documents.PUBLICATION_CHANNELS])
        self.channel.setToolTip("通过规定载体公开发布的，计入公开发布率")
        self.effective = OptionalDate("填写（默认同公布日期）")
        self.valid_until = OptionalDate("填写（默认按规则计算）")
        self.term_reason = QLineEdit()
        self.fields[validity.TERM_REASON] = self.term_reason

        heading = QLabel(f"《{title}》")
        heading.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow("环节：", self.step)
        self.form.addRow("办理日期：", self.done_on)
        self.form.addRow("结果：", self.outcome)
        self.form.addRow("征求意见期间：", self.period_box)
        self.form.addRow("发文字号：", self.doc_number)
        self.form.addRow("公布载体：", self.channel)
        self.form.addRow("施行日期：", self.effective)
        self.form.addRow("有效期至：", self.valid_until)
        self.form.addRow(f"{validity.TERM_REASON}：", self.term_reason)
        self.form.addRow("说明：", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.step.currentIndexChanged.connect(self._update_step)
        for date_field in (self.effective, self.valid_until):
            date_field.enabled.toggled.connect(self._update_term_reason)
            date_field.edit.dateChanged.connect(self._update_term_reason)
        self.done_on.dateChanged.connect(self._update_term_reason)
        self.done_on.dateChanged.connect(self._update_number_hint)
        self._update_number_hint()
        first_missing = next((m for m in missing if m != Step.DRAFT), None)
        if first_missing is not None:
            self.step.setCurrentIndex(self.step.findData(first_missing))
        self._update_step()

    def _update_number_hint(self) -> None:
        year = pydate(self.done_on.date()).year
        self.doc_number.setPlaceholderText(docnumber.example(self.abbr, year))

    def set_step(self, step: str) -> None:
        self.step.setCurrentIndex(self.step.findData(step))

    def _update_step(self) -> None:
        step = self.step.currentData()
        self.outcome.clear()
        self.outcome.addItems(list(STEP_OUTCOMES.get(step, ())))
        for widget, shown in (
            (self.outcome, step != Step.PUBLICATION),
            (self.period_box, step == Step.PUBLIC_COMMENT),
            (self.doc_number, step == Step.PUBLICATION),
            (self.channel, step == Step.PUBLICATION),
            (self.effective, step == Step.PUBLICATION),
            (self.valid_until, step == Step.PUBLICATION),
        ):
            widget.setVisible(shown)
            self.form.setRowVisible(widget, shown)
        self._update_term_reason()

    def _update_term_reason(self) -> None:
        """As DocumentDialog: the reason row only when the service says the term needs one."""
        limit = None
        if self.step.currentData() == Step.PUBLICATION:
            with self.database.reading() as s:
                limit = validity.term_limit_exceeded(
                    s,
                    self.doc_title,
                    pydate(self.done_on.date()),
                    self.effective.value(),
                    self.valid_until.value(),
                )
        self.form.setRowVisible(self.term_reason, limit is not None)
        self.term_reason.setPlaceholderText(f"{limit.note}，请写明理由" if limit else "")

    def prepare(self):
        step, doc_id, actor = self.step.currentData(), self.doc_id, self.ctx.actor()
        done_on = pydate(self.done_on.date())
        outcome, note = self.outcome.currentText().strip(), self.note.text().strip()
        if step == Step.PUBLICATION:
            number = self.doc_number.text().strip()
            if not number:
                self.doc_number.setFocus()
                raise UserError("发文字号：公布文件必须填写发文字号。", field="发文字号")
            docnumber.parse(number)
            effective, valid_until = self.effective.value(), self.valid_until.value()
            reason = self.term_reason.text().strip() or None
            channel = self.channel.currentText()

            allow_abbr = number == self.confirmed_abbr

            def publish(s, _progress) -> int:
                documents.publish(
                    s,
                    actor,
                    doc_id,
                    done_on,
                    number,
                    effective,
                    valid_until,
                    reason,
                    allow_abbr=allow_abbr,
                    channel=channel,
                )
                return doc_id

            return publish
        start, end = None, None
        if step == Step.PUBLIC_COMMENT:
            start, end = pydate(self.period_start.date()), pydate(self.period_end.date())

        def record(s, _progress) -> int:
            documents.record_step(s, actor, doc_id, step, done_on, outcome, note, start, end)
            return doc_id

        return record

    def _failed(self, exc: BaseException) -> None:
        if not _asked_about_abbr(self, exc):
            super()._failed(exc)


def _asked_about_abbr(dialog: DocumentDialog | StepDialog, exc: BaseException) -> bool:
    """A 发文字号 whose agency abbreviation is not the issuer's, not yet confirmed for what is
    typed: ask, then save again or go back to the field. False for any other failure."""
    typed = dialog.doc_number.text().strip()
    if not isinstance(exc, docnumber.AbbrNotConfirmed) or dialog.confirmed_abbr == typed:
        return False
    question = f"{exc.message}\n\n确实要使用发文字号“{exc.number}”吗？"
    if _confirm_and_save(dialog, "确认发文字号", question, "仍然使用", dialog.doc_number):
        dialog.confirmed_abbr = typed
        dialog.submit()
    return True


def _confirm_and_save(
    dialog: ServiceDialog, title: str, question: str, yes: str, field: QWidget
) -> bool:
    """The service asked for a confirmation: True to save again, else back to the field."""
    dialog.buttons.setEnabled(True)
    if ask(dialog, title, question, yes):
        return True
    field.setFocus()
    return False


def ask(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """A question whose safe answer, 返回修改, is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText("返回修改")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
