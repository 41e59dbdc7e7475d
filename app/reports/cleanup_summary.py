"""清理情况汇总: one cleanup batch on one page: what, why, scope, and how many of each decision."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from sqlalchemy.orm import Session

from app.reports import fonts
from app.reports import page as pages
from app.reports.page import escape
from app.services import cleanup, issuers
from app.services.catalogs import office_name
from app.services.vocabulary import CleanupKind


def pdf(s: Session, batch_id: int, target: Path, printed: date) -> int:
    batch = cleanup.get(s, batch_id)
    page = pages.Page(
        "规范性文件清理情况汇总表", office_name(s), printed, fonts=fonts.role_fonts(s)
    )
    cell = pages.style(11, 17, font=page.table_font)
    scope = (
        "、".join(issuers.by_code(s, code).name for code in json.loads(batch.scope_issuers))
        or "全部制定机关"
    )
    facts = [
        ("清理名称", batch.title),
        ("清理类型", cleanup.KINDS[batch.kind]),
        ("清理依据", batch.reason or CleanupKind.REGULAR.label),
        ("清理范围", f"{scope}现行有效的规范性文件，共 {len(batch.items)} 件"),
        ("启动日期", pages.chinese_date(batch.created_on)),
        ("实施日期", pages.chinese_date(batch.applied_on) or "尚未实施"),
    ]
    counts = cleanup.summary(batch)
    data = [[Paragraph(k, cell), Paragraph(escape(v), cell)] for k, v in facts]
    data += [
        [Paragraph(f"{label}（件）", cell), Paragraph(str(n), cell)]
        for label, n in counts.items()
        if n or label != "未定"
    ]
    table = pages.form_table(data, 40 * mm, page.body_width, 11, page.table_font, padding=5)
    page.story = [
        *pages.title_block(page),
        table,
        Spacer(1, 10 * mm),
        Paragraph("填表人：____________　　　审核人：____________", cell),
    ]
    return pages.build(page, target)
