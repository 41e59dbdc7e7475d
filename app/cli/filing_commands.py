"""`deadlines` and `filing` commands."""

from __future__ import annotations

import argparse
import sys

from app import clock
from app.cli import emit
from app.cli.commands import actions, add_json, date_arg, id_arg, session, year_arg
from app.cli.login import acting
from app.errors import UserError
from app.services import deadlines, filing, filing_backlog, workcalendar
from app.services.lifecycle import DRAFTING
from app.services.vocabulary import FilingTimeliness


def register(sub: argparse._SubParsersAction) -> None:
    dl = sub.add_parser("deadlines", help="所有未完成的期限（逾期在前）")
    add_json(dl)
    dl.set_defaults(handler=cmd_deadlines)
    fl = actions(sub, "filing", "备案")
    listing = fl.add_parser("list", help="备案台账")
    listing.add_argument("--year", type=year_arg, help="公布年份")
    listing.add_argument(
        "--open",
        action="store_true",
        help="只列未报送的：所选年度的，和各年度逾期未报的（期限近的在前）",
    )
    add_json(listing)
    listing.set_defaults(handler=cmd_filing_list)
    show = fl.add_parser("show", help="一件文件向各备案机关的备案情况和历次备案结果")
    show.add_argument("doc", type=id_arg, help="文件 ID")
    add_json(show)
    show.set_defaults(handler=cmd_filing_show)
    unrecorded = fl.add_parser("unrecorded", help="备案情况未录入的文件（历史台账导入）")
    add_json(unrecorded)
    unrecorded.set_defaults(handler=cmd_filing_unrecorded)
    bulk = fl.add_parser("bulk", help="为备案情况未录入的文件批量登记报送备案")
    bulk.add_argument("--recipient", required=True, help="备案机关")
    bulk.add_argument("--filed", required=True, type=date_arg("--filed"), help="报送日期")
    bulk.add_argument("--result", default="", help="备案结果，如 予以备案（结果日期记为报送日期）")
    which = bulk.add_mutually_exclusive_group(required=True)
    which.add_argument("--doc", type=int, action="append", dest="docs", help="文件 ID，可重复")
    which.add_argument("--all", action="store_true", help="所有应向该机关报送而未录入的文件")
    add_json(bulk)
    bulk.set_defaults(handler=cmd_filing_bulk)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _marked(day: str | None, provisional: bool) -> str:
    return (day or "") + (workcalendar.PROVISIONAL_MARK if provisional else "")


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        sys.stderr.write(f"注意：{warning}\n")


def cmd_deadlines(args: argparse.Namespace) -> None:
    with session(args) as s:
        found = deadlines.open_deadlines(s)
        warnings = deadlines.calendar_warnings(s, found)
        backlog = filing_backlog.reminder(s)
    rows = [
        {
            "kind": d.kind,
            "kind_label": d.kind_label,
            "object_type": d.object_type,
            "object_id": d.object_id,
            "document_id": d.document_id,
            "title": d.title,
            "issuer": d.issuer,
            "due": d.due.isoformat(),
            "due_provisional": d.provisional,
            "state": d.state,
            "state_label": d.state_label,
            "days_left": d.days_left,
            "rule": d.rule,
        }
        for d in found
    ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"{_marked(r['due'], r['due_provisional'])}\t{r['state_label']}\t{r['kind_label']}\t{r['title']}"
                for r in rs
            ]
            or ["没有未完成的期限。"]
        ),
    )
    _warn(warnings + ([backlog] if backlog else []))


def _result_json(e: filing.ResultEntry) -> dict:
    return {
        "result": e.result,
        "result_on": _iso(e.result_on),
        "note": e.note,
        "recorded_by": e.recorded_by or None,
        "recorded_by_name": e.recorded_by_name or None,
        "recorded_at": e.recorded_at.isoformat(timespec="seconds") if e.recorded_at else None,
        "correction_due": _iso(e.correction_due),
        "correction_due_provisional": e.correction_due_provisional,
        "corrected_on": _iso(e.corrected_on),
        "before_history": e.before_history or None,
    }


def _row_json(r: filing.FilingRow, today) -> dict:
    state = filing.timeliness(r, today)
    return {
        "filing_id": r.filing_id,
        "document_id": r.document_id,
        "title": r.title,
        "reg_number": r.reg_number,
        "doc_number": r.doc_number,
        "published": _iso(r.published),
        "recipient": r.recipient,
        "due": _iso(r.due),
        "due_provisional": r.due_provisional,
        "filed_on": _iso(r.filed_on),
        "report_number": r.report_number or None,
        "result": r.result or None,
        "correction_due": _iso(r.correction_due),
        "correction_due_provisional": r.correction_due_provisional,
        "corrected_on": _iso(r.corrected_on),
        "results": [_result_json(e) for e in r.history],
        "state": state,
        "overdue": state == FilingTimeliness.OVERDUE,
        "unrecorded": r.unrecorded,
        "late": state == FilingTimeliness.LATE,
    }


def _show_lines(rows: list[dict]) -> list[str]:
    lines = []
    for r in rows:
        filed = (
            f"{r['filed_on']} 报送（{r['report_number'] or '无报告编号'}）"
            if r["filed_on"]
            else FilingTimeliness.NOT_FILED.label
        )
        lines.append(
            f"《{r['title']}》 向{r['recipient']}备案：到期 {_marked(r['due'], r['due_provisional'])}，"
            f"{filed}，{r['state']}"
        )
        for e in r["results"]:
            deadline = (
                f"补正期限 {_marked(e['correction_due'], e['correction_due_provisional'])}"
                if e["correction_due"]
                else ""
            )
            corrected = f"{e['corrected_on']} 已补正/纠正" if e["corrected_on"] else ""
            extra = "；".join(filter(None, (e["note"], deadline, corrected)))
            who = e["recorded_by_name"] or "登记人未记录"
            lines.append(f"  {e['result_on'] or ''}\t{e['result']}\t{extra}\t{who}")
            if e["before_history"]:
                lines.append(f"  注：{e['before_history']}")
        if r["filed_on"] and not r["results"]:
            lines.append("  尚未登记备案结果。")
    return lines


def cmd_filing_show(args: argparse.Namespace) -> None:
    from app.services import documents

    today = clock.today()
    with session(args) as s:
        cal = workcalendar.load(s)
        doc = documents.get(s, args.doc)
        if doc.published is None or doc.status in DRAFTING:
            raise UserError(f"《{doc.title}》尚未公布，没有备案记录。")
        rows = filing.rows_for(s, doc, cal)
    emit([_row_json(r, today) for r in rows], args.json, _show_lines)
    _warn(cal.warnings())


def cmd_filing_list(args: argparse.Namespace) -> None:
    today = clock.today()
    with session(args) as s:
        cal = workcalendar.load(s)
        rows = filing.listing(s, cal, today, args.year, args.open)
    result = [_row_json(r, today) for r in rows]
    emit(
        result,
        args.json,
        lambda rs: (
            [
                f"{r['published']}\t{r['title']}\t{r['recipient']}\t到期 {_marked(r['due'], r['due_provisional'])}\t报送 {r['filed_on'] or FilingTimeliness.NOT_FILED.label}"
                for r in rs
            ]
            or ["没有需要备案的文件。"]
        ),
    )
    _warn(cal.warnings())


def cmd_filing_unrecorded(args: argparse.Namespace) -> None:
    with session(args) as s:
        from app.services import documents

        rows = [
            {
                "document_id": d.id,
                "title": d.title,
                "reg_number": d.reg_number,
                "published": _iso(d.published),
            }
            for d in map(lambda i: documents.get(s, i), filing_backlog.unrecorded_ids(s))
        ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [f"{r['document_id']}\t{r['published']}\t{r['title']}" for r in rs]
            or ["没有备案情况未录入的文件。"]
        ),
    )


def cmd_filing_bulk(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        outcome = filing_backlog.record_bulk(
            s,
            acting(args),
            args.recipient,
            args.filed,
            None if args.all else args.docs,
            args.result.strip(),
            workcalendar.load(s),
        )
    result = {"recorded": outcome.recorded, "still_unrecorded": outcome.still_unrecorded}
    emit(
        result,
        args.json,
        lambda r: [
            f"已登记 {len(r['recorded'])} 件文件向{args.recipient}报送备案；"
            f"仍有 {r['still_unrecorded']} 件备案情况未录入。"
        ],
    )
