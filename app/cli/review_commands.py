"""`calendar` and `review` commands."""

from __future__ import annotations

import argparse
import sys

from app import clock
from app.cli import emit
from app.cli.commands import add_json, date_arg, session
from app.errors import UserError
from app.services import reviews, workcalendar


def register(sub: argparse._SubParsersAction) -> None:
    cal = sub.add_parser("calendar", help="工作日历").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    is_workday = cal.add_parser("is-workday", help="某日是否为工作日")
    is_workday.add_argument("day", type=date_arg("日期"))
    is_workday.set_defaults(handler=cmd_is_workday)
    workdays = cal.add_parser("workdays", help="某日之后第 N 个工作日（当日不计）")
    workdays.add_argument("start", type=date_arg("起算日期"))
    workdays.add_argument("n", type=int)
    workdays.set_defaults(handler=cmd_workdays)

    review = sub.add_parser("review", help="合法性审核").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    listing = review.add_parser("list", help="列出审核案件及期限")
    listing.add_argument("--open", action="store_true", help="只列未办结的案件")
    add_json(listing)
    listing.set_defaults(handler=cmd_review_list)


def _warn(cal: workcalendar.WorkCalendar) -> None:
    """The provisional years the answer was computed from, on stderr (stdout stays the answer)."""
    for warning in cal.warnings():
        sys.stderr.write(f"注意：{warning}\n")


def cmd_is_workday(args: argparse.Namespace) -> None:
    with session(args) as s:
        cal = workcalendar.load(s)
    print("true" if cal.is_workday(args.day) else "false")
    cal.is_provisional(args.day)  # an office's correction of one day does not make its year known
    _warn(cal)


def cmd_workdays(args: argparse.Namespace) -> None:
    if args.n < 0:
        raise UserError("N 工作日数：不能为负数。")
    with session(args) as s:
        cal = workcalendar.load(s)
    print(cal.period(args.start, args.n, working_days=True).end.isoformat())
    _warn(cal)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _marked(row: dict) -> str:
    if row["due"] is None:
        return "—"
    return row["due"] + (workcalendar.PROVISIONAL_MARK if row["due_provisional"] else "")


def cmd_review_list(args: argparse.Namespace) -> None:
    today = clock.today()
    with session(args) as s:
        cal = workcalendar.load(s)
        rows = []
        for case in reviews.list_cases(s, include_concluded=not args.open):
            due = reviews.due(case, cal, today)
            rows.append({
                "id": case.id, "subject_type": case.subject_type, "subject_label": reviews.SUBJECT_TYPES[case.subject_type],
                "title": case.title, "document_id": case.document_id, "received": _iso(case.received),
                "complete_on": _iso(case.complete_on), "reviewer": case.reviewer, "status": case.status,
                "due": _iso(due.due), "due_provisional": due.due_provisional, "earliest": _iso(due.earliest),
                "earliest_provisional": due.earliest_provisional, "days_left": due.days_left, "state": due.state,
                "outcome": case.outcome or None, "opinion_number": case.opinion_number, "concluded_on": _iso(case.concluded_on),
            })  # fmt: skip
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"{r['id']}\t{r['subject_label']}\t{r['title']}\t到期 {_marked(r)}\t{r['state']}"
                for r in rs
            ]
            or ["没有审核案件。"]
        ),
    )
    _warn(cal)
