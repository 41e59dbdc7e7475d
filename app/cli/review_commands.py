"""`calendar` and `review` commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import clock
from app.cli import emit
from app.cli.commands import actions, add_json, date_arg, session
from app.cli.login import Access, acting
from app.errors import UserError
from app.services import reviews, workcalendar
from app.services.workcalendar import KIND_LABELS


def register(sub: argparse._SubParsersAction) -> None:
    cal = actions(sub, "calendar", "工作日历")
    is_workday = cal.add_parser("is-workday", help="某日是否为工作日")
    is_workday.add_argument("day", type=date_arg("日期"))
    # The State Council's calendar with the office's corrections: public facts, no record of the
    # register; scheduled scripts ask it without signing in.
    is_workday.set_defaults(handler=cmd_is_workday, access=Access.OPEN)
    workdays = cal.add_parser("workdays", help="某日之后第 N 个工作日（当日不计）")
    workdays.add_argument("start", type=date_arg("起算日期"))
    workdays.add_argument("n", type=int)
    workdays.set_defaults(handler=cmd_workdays, access=Access.OPEN)
    notice = cal.add_parser("load-notice", help="从国务院办公厅放假通知的文本录入一年的节假日安排")
    notice.add_argument("file", metavar="FILE.txt")
    notice.add_argument("--dry-run", action="store_true", help="只解析并列出差异，不保存")
    add_json(notice)
    notice.set_defaults(handler=cmd_load_notice)

    review = actions(sub, "review", "合法性审核")
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


def cmd_load_notice(args: argparse.Namespace) -> None:
    from app.services import holiday_notice

    notice = holiday_notice.parse(holiday_notice.read_file(Path(args.file)))
    with session(args, write=not args.dry_run) as s:
        if args.dry_run:
            comparison = holiday_notice.compare(s, notice)
        else:
            comparison = holiday_notice.save(s, acting(args), notice)
    result = {**comparison.as_dict(), "saved": not args.dry_run}
    emit(result, args.json, lambda r: _notice_lines(comparison, r["saved"]))


def _notice_lines(comparison, saved: bool) -> list[str]:
    notice = comparison.notice
    lines = [f"{notice.source}：放假 {len(notice.days_off)} 天，调休上班 {len(notice.makeup)} 天。"]
    for festival in notice.festivals:
        off = festival.days_off
        span = f"{off[0]} 至 {off[-1]}" if len(off) > 1 else f"{off[0]}"
        makeup = "、".join(str(d) for d in festival.makeup)
        lines.append(
            f"  {'、'.join(festival.names)}：{span} 放假" + (f"；{makeup} 上班" if makeup else "")
        )
    if comparison.changes:
        lines.append(f"与{comparison.before_label}不同的日期（{len(comparison.changes)} 天）：")
        for change in comparison.changes:
            mark = "  *" if change.workday_changed else "   "
            lines.append(
                f"{mark} {change.day} 周{'一二三四五六日'[change.day.weekday()]}\t"
                f"{KIND_LABELS[change.before]} → {KIND_LABELS[change.after]}"
            )
        lines.append("（* 表示是否上班有变化）")
    else:
        lines.append(f"与{comparison.before_label}相同。")
    lines.append("已保存。" if saved else "试运行：未保存。")
    return lines


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
            rows.append(
                {
                    "id": case.id,
                    "subject_type": case.subject_type,
                    "subject_label": reviews.SUBJECT_TYPES[case.subject_type],
                    "title": case.title,
                    "document_id": case.document_id,
                    "received": _iso(case.received),
                    "complete_on": _iso(case.complete_on),
                    "reviewer": case.reviewer,
                    "status": case.status,
                    "due": _iso(due.due),
                    "due_provisional": due.due_provisional,
                    "earliest": _iso(due.earliest),
                    "earliest_provisional": due.earliest_provisional,
                    "days_left": due.days_left,
                    "state": due.state,
                    "outcome": case.outcome or None,
                    "opinion_number": case.opinion_number,
                    "concluded_on": _iso(case.concluded_on),
                }
            )
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
