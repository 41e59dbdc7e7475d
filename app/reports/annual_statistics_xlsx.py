"""年度统计表 as a workbook: one sheet per part of the annual statistics, and a sheet that lists,
for every figure, the documents of its denominator and whether each counts in the numerator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from sqlalchemy.orm import Session

from app.atomic_files import replacing
from app.reports.annual_statistics import title
from app.reports.page import Cancelled, Progress
from app.reports.workbook import (
    HEADER_ROW,
    WIDEST,
    cell,
    fitted_widths,
    sheet_writes,
    start_sheet,
    wrapped,
)
from app.services import filing, statistics
from app.services.lifecycle import REVIEW_OUTCOMES
from app.services.statistics import FILING_STATES, AnnualStatistics, Period

Rows = list[list[Any]]


def xlsx(
    s: Session,
    target: Path,
    period: Period,
    issuer_code: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the workbook; returns the number of data rows over all sheets."""
    stats = statistics.annual(s, period, issuer_code)
    details = _details(s, stats)
    if progress and not progress(1, 2):
        raise Cancelled()
    wb = Workbook(write_only=True)
    count = 0
    heading = title(stats)
    for name, header, rows in _sheets(stats):
        count += _sheet(wb, name, heading, header, rows)
    per_year = [[y, n] for y, n in stats.per_year]
    count += _sheet(wb, "历年公布", heading, ["年份", "公布文件数"], per_year)
    _chart(wb.worksheets[-1], len(per_year))
    count += _sheet(wb, "指标明细", heading, _DETAIL_HEADER, details)
    with replacing(target) as part:
        wb.save(part)
    return count


def _sheets(stats: AnnualStatistics) -> list[tuple[str, list[str], Rows]]:
    o = stats.objections
    reviews = [
        [r.subject, r.received, r.concluded, *(r.outcomes[x] for x in REVIEW_OUTCOMES)]
        for r in stats.reviews
    ]
    decisions = list(stats.cleanup_totals)
    return [
        (
            "主要指标",
            ["名称", "分子", "分母", "比率", "计算方法", "说明"],
            [
                [f.name, f.numerator, f.denominator, f.shown(), f.definition, f.note]
                for f in stats.figures
            ]
            + [
                [],
                ["统计范围", stats.issuer],
                ["统计期间", f"{stats.period.start} 至 {stats.period.end}"],
            ],
        ),
        (
            "文件状态",
            ["期末状态", "件数"],
            [[c.label, c.n] for c in stats.statuses] + [["合计", stats.issued.n]],
        ),
        (
            "合法性审核",
            ["审核对象", "收案", "办结", *REVIEW_OUTCOMES],
            reviews,
        ),
        (
            "备案及时情况",
            ["季度", *FILING_STATES.values(), "合计"],
            [[q.label, *q.counts.values(), sum(q.counts.values())] for q in stats.quarters],
        ),
        (
            "清理情况",
            ["清理名称", "类型", "实施日期", *decisions, "因上位法变化"],
            [
                [c.title, c.kind, c.applied_on, *c.decisions.values(), c.upper_law]
                for c in stats.cleanups
            ],
        ),
        (
            "上位法变化",
            ["记录的修改、废止", "涉及现行有效文件", "已完成专项清理", "待处理"],
            [
                [
                    stats.upper_laws.changes,
                    stats.upper_laws.documents,
                    stats.upper_laws.cleaned,
                    stats.upper_laws.pending,
                ]
            ],
        ),
        (
            "审查建议",
            ["收到审查建议", "按期答复", "逾期答复", "逾期未答复", "办理中（未到期）"],
            [[o.received, o.replied_in_time, o.replied_late, o.overdue_open, o.pending]],
        ),
    ]


LEFT_OUT = f"未计入（{filing.UNRECORDED}）"
_DETAIL_HEADER = [
    "指标",
    "计入分子",
    "登记编号",
    "发文字号",
    "文件名称",
    "制定机关",
    "公布日期",
    "状态",
    "文件编号",
]


def _details(s: Session, stats: AnnualStatistics) -> Rows:
    ids = sorted({i for f in stats.figures for i in (*f.denominator_ids, *f.left_out_ids)})
    lines = {line.id: line for line in statistics.document_lines(s, ids)}
    rows = []
    for figure in stats.figures:
        counted = set(figure.numerator_ids)
        marks = [(i, "是" if i in counted else "否") for i in figure.denominator_ids]
        for doc_id, mark in marks + [(i, LEFT_OUT) for i in figure.left_out_ids]:
            d = lines[doc_id]
            rows.append(
                [
                    figure.name,
                    mark,
                    d.reg_number,
                    d.doc_number,
                    d.title,
                    d.issuer,
                    d.published,
                    d.status,
                    d.id,
                ]
            )
    return rows


def _sheet(wb: Workbook, name: str, heading: str, header: list[str], rows: Rows) -> int:
    """One sheet, titled "`heading`（`name`）", its widths fitted to the header and the rows."""
    widths = fitted_widths(header, rows)
    ws = start_sheet(wb, name, widths, header, heading=f"{heading}（{name}）")
    with sheet_writes():
        for row in rows:
            ws.append(
                [
                    wrapped(ws, value) if widths[i] >= WIDEST else cell(ws, value)
                    for i, value in enumerate(row)
                ]
            )
    return sum(1 for row in rows if row)


def _chart(ws, rows: int) -> None:
    chart = BarChart()
    chart.title, chart.y_axis.title, chart.legend = "历年公布文件数", "件", None
    last = HEADER_ROW + rows
    chart.add_data(
        Reference(ws, min_col=2, min_row=HEADER_ROW, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=HEADER_ROW + 1, max_row=last))
    chart.width, chart.height = 18, 8
    ws.add_chart(chart, f"D{HEADER_ROW}")
