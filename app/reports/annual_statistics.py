"""年度统计表: the figures of the annual rule-of-law report with their numerators and
denominators, the documents by status, reviews, filing timeliness, cleanup and objections, and
charts drawn with ReportLab's own graphics in the embedded font."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from app import clock
from app.reports import page as pages
from app.reports.fonts import FONT
from app.reports.page import Progress, escape
from app.services import statistics
from app.services.lifecycle import REVIEW_OUTCOMES
from app.services.statistics import FILING_STATES, AnnualStatistics, Period
from app.services.vocabulary import ReviewOutcome

# One colour per series, the same in the view's charts.
BLUE, GREEN, ORANGE, RED, GREY = "#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#9c9c9c"
TIMELINESS_COLORS = {"on_time": GREEN, "late": ORANGE, "not_filed": RED, "unrecorded": GREY}
OUTCOME_COLORS = {
    ReviewOutcome.LAWFUL: GREEN,
    ReviewOutcome.LAWFUL_IF_CHANGED: ORANGE,
    ReviewOutcome.UNLAWFUL: RED,
}
CELL_SIZE = 9.5
_ALIGNS: tuple[pages.Align, ...] = (0, 1, 2)  # left, centre, right


def title(stats: AnnualStatistics) -> str:
    return (
        f"{stats.period.label}规范性文件工作统计表"
        if stats.period.is_year
        else "规范性文件工作统计表"
    )


def subtitle(stats: AnnualStatistics) -> str:
    p = stats.period
    span = f"{pages.chinese_date(p.start)}至{pages.chinese_date(p.end)}"
    return f"统计范围：{stats.issuer}　统计期间：{span}（按公布日期）"


def pdf(
    s: Session,
    target: Path,
    period: Period,
    issuer_code: str | None = None,
    progress: Progress | None = None,
) -> int:
    stats = statistics.annual(s, period, issuer_code)
    return write_pdf(stats, target, clock.today())


def write_pdf(stats: AnnualStatistics, target: Path, printed: date) -> int:
    page = pages.Page(title(stats), stats.office, printed, subtitle=subtitle(stats))
    width = page.body_width - 2 * pages.FRAME_PADDING  # what the frame holds inside its padding
    story: list[Flowable] = [*pages.title_block(page)]
    story += _section("一、主要指标", _figures_table(stats, width))
    story += _section(
        "二、文件公布情况",
        _grid(
            ["状态", "件数"],
            [[c.label, str(c.n)] for c in stats.statuses] + [["合计", str(stats.issued.n)]],
            width * 0.45,
            total_row=True,
        ),
        _years_chart(stats, width),
    )
    story += _section(
        "三、备案及时情况", _quarter_table(stats, width), _quarter_chart(stats, width)
    )
    story += _section(
        "四、合法性审核情况", _review_table(stats, width), _outcome_chart(stats, width)
    )
    story += _section("五、清理情况", *_cleanup_part(stats, width))
    story += _section("六、审查建议办理情况", _objection_table(stats, width))
    story += [
        Spacer(1, 8 * mm),
        Paragraph("填表人：____________　　　审核人：____________", pages.style(10.5, 16)),
    ]
    page.story = story
    return pages.build(page, target)


def _section(heading: str, *parts: Flowable) -> list[Flowable]:
    head = Paragraph(heading, pages.style(12.5, 20))
    return [
        CondPageBreak(60 * mm),
        KeepTogether([head, Spacer(1, 1.5 * mm), parts[0]]),
        *[item for part in parts[1:] for item in (Spacer(1, 3 * mm), part)],
        Spacer(1, 5 * mm),
    ]


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: float,
    shares: Sequence[float] | None = None,
    total_row: bool = False,
) -> Table:
    left, center, right = (pages.style(CELL_SIZE, CELL_SIZE * 1.35, align=a) for a in _ALIGNS)
    shares = shares or [1] * len(header)
    widths = [width * x / sum(shares) for x in shares]
    data = [[Paragraph(escape(h), center) for h in header]]
    data += [[Paragraph(escape(v), right if _numeric(v) else left) for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[pages.TableCommand] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)))
    table.setStyle(TableStyle(commands))
    return table


def _numeric(text: str) -> bool:
    """Counts and rates line up on the right, as in a statistics table."""
    return text == "无" or text.rstrip("%").replace(".", "", 1).isdigit()


def _figures_table(stats: AnnualStatistics, width: float) -> Table:
    rows = [
        [
            f.name,
            str(f.numerator),
            str(f.denominator),
            f.shown(),
            f"{f.definition}（{f.note}）" if f.note else f.definition,
        ]
        for f in stats.figures
    ]
    return _grid(["名称", "分子", "分母", "比率", "计算方法"], rows, width, [19, 7, 7, 9, 58])


def _quarter_table(stats: AnnualStatistics, width: float) -> Table:
    rows = [
        [q.label, *(str(q.counts[k]) for k in FILING_STATES), str(sum(q.counts.values()))]
        for q in stats.quarters
    ]
    header = [f"{stats.period.end.year}年公布", *FILING_STATES.values(), "合计"]
    return _grid(header, rows, width * 0.7)


def _review_table(stats: AnnualStatistics, width: float) -> Table:
    rows = [
        [
            r.subject,
            str(r.received),
            str(r.concluded),
            *(str(r.outcomes[o]) for o in REVIEW_OUTCOMES),
        ]
        for r in stats.reviews
    ]
    totals = stats.review_outcomes
    rows.append(
        [
            "合计",
            str(sum(r.received for r in stats.reviews)),
            str(sum(r.concluded for r in stats.reviews)),
            *(str(totals[o]) for o in REVIEW_OUTCOMES),
        ]
    )
    header = ["审核对象", "收案", "办结", *REVIEW_OUTCOMES]
    return _grid(header, rows, width, [22, 10, 10, 10, 12, 10], total_row=True)


def _cleanup_part(stats: AnnualStatistics, width: float) -> list[Flowable]:
    laws = Paragraph(f"上位法变化：{stats.upper_laws.text}", pages.style(10, 15))
    if not stats.cleanups:
        return [Paragraph("统计期间内没有实施的清理。", pages.style(10, 15)), laws]
    decisions = list(stats.cleanup_totals)
    rows = [
        [c.title, c.kind, c.applied_on.isoformat(), *(str(c.decisions[d]) for d in decisions)]
        for c in stats.cleanups
    ]
    rows.append(["合计", "", "", *(str(n) for n in stats.cleanup_totals.values())])
    header = ["清理名称", "类型", "实施日期", *decisions]
    return [_grid(header, rows, width, [30, 10, 12, 9, 7, 7, 9, 7], total_row=True), laws]


def _objection_table(stats: AnnualStatistics, width: float) -> Table:
    o = stats.objections
    header = ["收到审查建议", "按期答复", "逾期答复", "逾期未答复", "办理中（未到期）"]
    return _grid(
        header,
        [
            [
                str(o.received),
                str(o.replied_in_time),
                str(o.replied_late),
                str(o.overdue_open),
                str(o.pending),
            ]
        ],
        width,
    )


# --- charts ------------------------------------------------------------------------------------
def _bar_chart(
    width: float,
    caption: str,
    categories: list[str],
    series: list[tuple[str, str, list[int]]],
    stacked: bool = False,
    bar_colors: Sequence[str] = (),
) -> Drawing:
    """Vertical bars with axis values, value labels and (for several series) a legend."""
    height = 62 * mm
    # the renderer's starting font is the drawing's: ReportLab's default would put a Helvetica,
    # not embedded, into the PDF even though no text is set in it
    drawing = Drawing(width, height, initialFontName=FONT)
    drawing.add(String(0, height - 10, caption, fontName=FONT, fontSize=10))
    legend = _legend(series, width, height) if len(series) > 1 else None
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 22
    # whole points: ReportLab's stubs type a chart's box as int
    right = legend.getBounds()[0] - 12 if legend is not None else width - 10
    chart.width = round(right - chart.x)
    chart.height = round(height - 48)
    chart.data = [values for _name, _color, values in series] or [[0] * len(categories)]
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dy = -3
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = (
        max((sum(col) if stacked else max(col)) for col in zip(*chart.data, strict=True))
        if categories
        else 0
    )
    chart.valueAxis.valueMax = max(4, int(top * 1.15) + 1)
    chart.valueAxis.valueStep = _step(chart.valueAxis.valueMax)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    if stacked:
        chart.categoryAxis.style = "stacked"
    else:
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 7
        chart.barLabels.nudge = 6
    for n, (_name, color, _values) in enumerate(series):
        chart.bars[n].fillColor = colors.HexColor(color)
        chart.bars[n].strokeColor = None
    for i, color in enumerate(bar_colors):
        chart.bars[(0, i)].fillColor = colors.HexColor(color)
    drawing.add(chart)
    if legend is not None:
        drawing.add(legend)
    return drawing


def _legend(series: list[tuple[str, str, list[int]]], width: float, height: float) -> Legend:
    """The series' swatches and names, top right, their right edge on the drawing's: placed by
    the legend's own measured bounds, so a long name (备案情况未录入) is never cut off."""
    legend = Legend()
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.colorNamePairs = [(colors.HexColor(c), name) for name, c, _v in series]
    legend.columnMaximum = len(series)  # one column beside the bars
    legend.x, legend.y = 0, round(height - 24)
    overhang = legend.getBounds()[2]  # how far right of x its text reaches
    legend.x = math.floor(width - overhang)
    return legend


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return step
    return top // 8


def _years_chart(stats: AnnualStatistics, width: float) -> Drawing:
    years = [str(y) for y, _n in stats.per_year]
    counts = [n for _y, n in stats.per_year]
    return _bar_chart(width, "历年公布文件数（件）", years, [("公布文件", BLUE, counts)])


def _quarter_chart(stats: AnnualStatistics, width: float) -> Drawing:
    labels = [q.label for q in stats.quarters]
    series = [
        (name, TIMELINESS_COLORS[key], [q.counts[key] for q in stats.quarters])
        for key, name in FILING_STATES.items()
    ]
    return _bar_chart(
        width, f"{stats.period.end.year}年各季度备案及时情况（件）", labels, series, stacked=True
    )


def _outcome_chart(stats: AnnualStatistics, width: float) -> Drawing:
    outcomes = stats.review_outcomes
    series = [("办结件数", BLUE, list(outcomes.values()))]
    tints = [OUTCOME_COLORS[o] for o in outcomes]
    return _bar_chart(width * 0.6, "合法性审核结论（件）", list(outcomes), series, bar_colors=tints)
