"""关于公布规范性文件清理结果的通知: the letter that publishes an applied cleanup batch: why and
what was cleaned up, how many documents got each decision, and the two result lists (继续有效;
废止、宣布失效和失效) as tables. The 清理情况汇总表 (cleanup_summary) stays the office's form."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.reports import fonts
from app.reports.gongwen import docx as gongwen_docx
from app.reports.gongwen import pdf as gongwen_pdf
from app.reports.gongwen.model import Block, Letter, Para, TableBlock, heading1
from app.services import cleanup, issuers
from app.services.catalogs import signing_office
from app.services.cleanup import UNDECIDED
from app.services.vocabulary import CleanupStatus

LETTER = "清理结果通知"
ALL_UNITS = "各有关单位"


def _table(catalog: cleanup.ResultCatalog, with_reason: bool) -> TableBlock:
    rows = tuple(
        (
            str(n),
            r.title,
            r.doc_number,
            r.issuer_name,
            *((r.decision, r.reason) if with_reason else ()),
        )
        for n, r in enumerate(catalog.rows, 1)
    )
    if with_reason:
        header = ("序号", "文件名称", "发文字号", "制定机关", "清理结论", "理由")
        return TableBlock(header, rows, (0.07, 0.31, 0.17, 0.17, 0.1, 0.18))
    return TableBlock(("序号", "文件名称", "发文字号", "制定机关"), rows, (0.08, 0.46, 0.23, 0.23))


def _counts(counts: dict[str, int]) -> str:
    return "，".join(f"{label} {n} 件" for label, n in counts.items() if n and label != UNDECIDED)


def letter(s: Session, batch_id: int) -> Letter:
    batch = cleanup.get(s, batch_id)
    if batch.status != CleanupStatus.APPLIED or batch.applied_on is None:
        raise UserError(f"{LETTER}：“{batch.title}”尚未实施，不能公布清理结果。")
    office = signing_office(s, LETTER)
    codes = json.loads(batch.scope_issuers)
    names = [issuers.by_code(s, code).name for code in codes]
    scope = "、".join(names) or "全部制定机关"
    kept = cleanup.result_catalog(s, batch_id, "continue")
    retired = cleanup.result_catalog(s, batch_id, "retired")
    basis = f"根据{batch.reason}，" if batch.reason else ""
    body: list[Block] = [
        Para.of(
            f"{basis}我单位组织开展了{batch.title}（{cleanup.KINDS[batch.kind]}），"
            f"对{scope}现行有效的规范性文件共 {len(batch.items)} 件逐件进行了清理。"
            f"经清理，{_counts(cleanup.summary(batch))}。现将清理结果公布如下："
        ),
        heading1(f"一、继续有效的规范性文件（{len(kept.rows)} 件）"),
    ]
    body.append(_table(kept, False) if kept.rows else Para.of("无。"))
    body.append(heading1(f"二、废止、宣布失效和失效的规范性文件（{len(retired.rows)} 件）"))
    body.append(_table(retired, True) if retired.rows else Para.of("无。"))
    body.append(
        Para.of(
            "自本通知印发之日起，未列入继续有效目录的规范性文件，不得作为行政管理的依据。"
            "决定修改的文件，请制定机关按程序抓紧修改后重新公布。"
        )
    )
    return Letter(
        title="关于公布规范性文件清理结果的通知",
        recipient="、".join(names) if 0 < len(names) <= 3 else ALL_UNITS,
        body=tuple(body),
        signer=office,
        signed_on=batch.applied_on,
    )


def pdf(s: Session, batch_id: int, target: Path, printed: date) -> int:
    return gongwen_pdf.render([letter(s, batch_id)], fonts.role_fonts(s), target)


def docx(s: Session, batch_id: int, target: Path, printed: date) -> None:
    gongwen_docx.render([letter(s, batch_id)], fonts.role_fonts(s), target)
