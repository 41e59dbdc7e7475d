"""`deadlines` and `filing` commands."""

from __future__ import annotations

import argparse
import sys

from app import clock
from app.cli import emit
from app.cli.commands import add_json, session, year_arg
from app.services import deadlines, filing, workcalendar


def register(sub: argparse._SubParsersAction) -> None:
    dl = sub.add_parser("deadlines", help="所有未完成的期限（逾期在前）")
    add_json(dl)
    dl.set_defaults(handler=cmd_deadlines)
    fl = sub.add_parser("filing", help="备案").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    listing = fl.add_parser("list", help="备案台账")
    listing.add_argument("--year", type=year_arg, help="公布年份")
    listing.add_argument("--open", action="store_true", help="只列未报送的")
    add_json(listing)
    listing.set_defaults(handler=cmd_filing_list)


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
    rows = [
        {"kind": d.kind, "kind_label": d.kind_label, "object_type": d.object_type, "object_id": d.object_id,
         "document_id": d.document_id, "title": d.title, "due": d.due.isoformat(),
         "due_provisional": d.provisional, "state": d.state,
         "state_label": d.state_label, "days_left": d.days_left, "rule": d.rule}
        for d in found
    ]  # fmt: skip
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
    _warn(warnings)


def cmd_filing_list(args: argparse.Namespace) -> None:
    today = clock.today()
    with session(args) as s:
        cal = workcalendar.load(s)
        rows = filing.register_rows(s, cal, args.year)
    if args.open:
        rows = [r for r in rows if r.filed_on is None]
    result = [
        {"filing_id": r.filing_id, "document_id": r.document_id, "title": r.title, "reg_number": r.reg_number,
         "doc_number": r.doc_number, "published": _iso(r.published), "recipient": r.recipient, "due": _iso(r.due),
         "due_provisional": r.due_provisional, "filed_on": _iso(r.filed_on), "report_number": r.report_number or None, "result": r.result or None,
         "correction_due": _iso(r.correction_due), "correction_due_provisional": r.correction_due_provisional,
         "corrected_on": _iso(r.corrected_on),
         "results": [{"result": result, "result_on": _iso(day)} for result, day in r.history],
         "overdue": r.filed_on is None and today > r.due, "late": bool(r.filed_on and r.filed_on > r.due)}
        for r in rows
    ]  # fmt: skip
    emit(
        result,
        args.json,
        lambda rs: (
            [
                f"{r['published']}\t{r['title']}\t{r['recipient']}\t到期 {_marked(r['due'], r['due_provisional'])}\t报送 {r['filed_on'] or '未报送'}"
                for r in rs
            ]
            or ["没有需要备案的文件。"]
        ),
    )
    _warn(cal.warnings())
