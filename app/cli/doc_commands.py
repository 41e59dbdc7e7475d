"""`issuer`, `doc`, `search`, `number` and `demo` commands."""

from __future__ import annotations

import argparse
import sys

from app import clock
from app.cli import emit, issuer_commands
from app.cli.commands import actions, add_json, date_arg, id_arg, int_arg, session, year_arg
from app.cli.login import acting
from app.errors import UserError
from app.services import docnumber, documents, issuers, lifecycle, numbering, registration
from app.services.documents import DocumentInput


def register(sub: argparse._SubParsersAction) -> None:
    _issuer(sub)
    _doc(sub)
    _search(sub)
    _number(sub)
    demo = sub.add_parser("demo", help="生成演示数据")
    demo.add_argument(
        "--docs", type=int_arg("--docs 文件数量", 1, 1_000_000), default=200, help="文件数量"
    )
    demo.add_argument("--seed", type=int_arg("--seed", 0, 2**31 - 1), default=7)
    add_json(demo)
    demo.set_defaults(handler=cmd_demo)


def _issuer(sub: argparse._SubParsersAction) -> None:
    issuer = actions(sub, "issuer", "制定机关")
    add = issuer.add_parser("add", help="添加制定机关")
    add.add_argument("--code", required=True, help="机关代码（字母数字）")
    add.add_argument("--name", required=True, help="机关名称")
    add.add_argument("--abbr", required=True, help="发文机关代字，如“桂民发”")
    add.add_argument("--template", help="登记编号模板，默认 {code}-{year}-{seq:03d}")
    add.add_argument("--level", default="department", choices=sorted(issuers.LEVELS))
    add.add_argument("--sequence", help="共用编号序列的键（统一由登记机关编号时使用）")
    add_json(add)
    add.set_defaults(handler=cmd_issuer_add)
    listing = issuer.add_parser("list", help="列出制定机关")
    add_json(listing)
    listing.set_defaults(handler=cmd_issuer_list)
    issuer_commands.register(issuer)


def _doc(sub: argparse._SubParsersAction) -> None:
    doc = actions(sub, "doc", "文件登记")
    add = doc.add_parser("add", help="登记已公布的文件")
    add.add_argument("--issuer", required=True, help="制定机关代码")
    add.add_argument("--title", required=True, help="文件名称")
    add.add_argument("--published", required=True, type=date_arg("公布日期"))
    add.add_argument("--doc-number", help="发文字号，如 桂民发〔2022〕7号")
    add.add_argument("--reg-number", help="统一登记编号（不填则自动分配）")
    add.add_argument(
        "--allow-gap", action="store_true", help="确认手动填写的登记编号跳过中间的序号（列为跳号）"
    )
    add.add_argument(
        "--allow-abbr",
        action="store_true",
        help="确认发文字号中的机关代字与制定机关的发文机关代字不同",
    )
    _date_options(add)
    add.add_argument("--drafting-unit", default="", help="起草单位")
    add_json(add)
    add.set_defaults(handler=cmd_doc_add)
    edit = doc.add_parser("edit", help="修改已登记文件的名称、日期和公布载体（未给出的项不变）")
    edit.add_argument("id", type=id_arg)
    edit.add_argument("--title", help="文件名称")
    edit.add_argument("--published", type=date_arg("公布日期"))
    _date_options(edit)
    add_json(edit)
    edit.set_defaults(handler=cmd_doc_edit)
    listing = doc.add_parser("list", help="列出文件")
    listing.add_argument("--status", help="状态（如 有效、废止，或 in_force）")
    listing.add_argument("--issuer", help="制定机关代码")
    listing.add_argument("--year", type=year_arg, help="公布年份")
    add_json(listing)
    listing.set_defaults(handler=cmd_doc_list)
    show = doc.add_parser("show", help="显示一件文件")
    show.add_argument("id", type=id_arg)
    add_json(show)
    show.set_defaults(handler=cmd_doc_show)
    withhold = doc.add_parser("withhold", help="标记为不予公开（不列入发布目录）")
    withhold.add_argument("id", type=id_arg)
    withhold.add_argument("--reason", required=True, help="不予公开的原因")
    add_json(withhold)
    withhold.set_defaults(handler=cmd_doc_withhold)
    disclose = doc.add_parser("disclose", help="取消不予公开（重新列入发布目录）")
    disclose.add_argument("id", type=id_arg)
    add_json(disclose)
    disclose.set_defaults(handler=cmd_doc_disclose)


def _date_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--effective", type=date_arg("施行日期"))
    parser.add_argument("--valid-until", type=date_arg("有效期至"))
    parser.add_argument("--issued", type=date_arg("印发日期"))
    parser.add_argument("--signed", type=date_arg("签署日期"))
    parser.add_argument("--term-reason", help="有效期超过规定最长期限的理由")
    parser.add_argument(
        "--channel",
        help=f"公布载体，如 {'、'.join(documents.PUBLICATION_CHANNELS)}（计入公开发布率）",
    )


def _search(sub: argparse._SubParsersAction) -> None:
    search = sub.add_parser("search", help="全文检索")
    search.add_argument("text")
    search.add_argument("--limit", type=int_arg("--limit 条数", 1, 10_000), default=50)
    add_json(search)
    search.set_defaults(handler=cmd_search)


def _number(sub: argparse._SubParsersAction) -> None:
    number = actions(sub, "number", "登记编号")
    void = number.add_parser("void", help="作废登记编号")
    void.add_argument("number")
    void.add_argument("--reason", required=True, help="作废原因")
    void.set_defaults(handler=cmd_number_void)
    assign = number.add_parser("assign", help="为编号已作废的文件重新分配登记编号")
    assign.add_argument("doc_id", type=id_arg, help="文件编号")
    assign.set_defaults(handler=cmd_number_assign)
    gaps = number.add_parser("gaps", help="列出空号：作废的编号和跳过的序号")
    gaps.add_argument("--issuer", help="制定机关代码")
    gaps.add_argument("--year", type=year_arg)
    add_json(gaps)
    gaps.set_defaults(handler=cmd_number_gaps)


def cmd_issuer_add(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        issuer = issuers.add_issuer(
            s,
            acting(args),
            args.code,
            args.name,
            args.abbr,
            args.level,
            args.template,
            sequence_key=args.sequence,
        )
        result = issuer_commands.issuer_dict(s, issuer)
    emit(
        result,
        args.json,
        lambda r: [f"已添加制定机关：{r['name']}（{r['code']}），编号模板 {r['template']}"],
    )


def cmd_issuer_list(args: argparse.Namespace) -> None:
    with session(args) as s:
        found = issuers.list_issuers(s)
        rows = [issuer_commands.issuer_dict(s, i) for i in found]
        states = {i.code: issuers.state_label(s, i) for i in found}
    emit(
        rows,
        args.json,
        lambda rs: [
            f"{r['code']}\t{r['name']}{states[r['code']]}\t{r['abbr']}\t{r['template']}" for r in rs
        ],
    )


def cmd_doc_add(args: argparse.Namespace) -> None:
    data = DocumentInput(
        issuer_code=args.issuer,
        title=args.title,
        doc_number=args.doc_number,
        reg_number=args.reg_number,
        published=args.published,
        effective=args.effective,
        valid_until=args.valid_until,
        issued=args.issued,
        signed=args.signed,
        term_reason=args.term_reason,
        drafting_unit=args.drafting_unit,
        channel=args.channel,
    )
    try:
        with session(args, write=True) as s:
            doc = registration.register_published(
                s, acting(args), data, allow_gap=args.allow_gap, allow_abbr=args.allow_abbr
            )
            result = _doc_dict(s, doc)
    except numbering.GapNotConfirmed as exc:
        raise UserError(f"{exc.message}如确认跳号，请加 --allow-gap 重新执行。") from exc
    except docnumber.AbbrNotConfirmed as exc:
        raise UserError(f"{exc.message}如确认无误，请加 --allow-abbr 重新执行。") from exc
    emit(
        result,
        args.json,
        lambda r: [f"已登记：{r['reg_number']}  {r['title']}（文件编号 {r['id']}）"],
    )


EDITABLE = (
    "title",
    "published",
    "effective",
    "valid_until",
    "issued",
    "signed",
    "term_reason",
    "channel",
)


def cmd_doc_edit(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        doc = documents.get(s, args.id)
        data = documents.input_from(doc)
        for name in EDITABLE:
            if getattr(args, name) is not None:
                setattr(data, name, getattr(args, name))
        doc = documents.update_document(s, acting(args), doc.id, data, doc.version)
        result = _doc_dict(s, doc)
    emit(result, args.json, lambda r: [f"已修改：{r['title']}（文件编号 {r['id']}）"])


def cmd_doc_withhold(args: argparse.Namespace) -> None:
    _set_withheld(args, True, args.reason)


def cmd_doc_disclose(args: argparse.Namespace) -> None:
    _set_withheld(args, False, "")


def _set_withheld(args: argparse.Namespace, withheld: bool, reason: str) -> None:
    from app.services import publication

    with session(args, write=True) as s:
        doc = publication.set_withheld(s, acting(args), args.id, withheld, reason)
        result = _doc_dict(s, doc) | {"withheld_reason": publication.withheld_reason(s, doc.id)}
    emit(
        result,
        args.json,
        lambda r: [
            f"已标记为不予公开：{r['title']}（文件编号 {r['id']}），原因：{r['withheld_reason']}"
            if r["withheld"]
            else f"已列入公开发布：{r['title']}（文件编号 {r['id']}）"
        ],
    )


def _doc_dict(s, doc) -> dict:
    from app.services import filing, workcalendar

    due = filing.earliest_period(s, doc, workcalendar.load(s))
    if due is None:
        return documents.as_dict(doc, None, clock.today())
    return documents.as_dict(doc, due.end, clock.today(), due.provisional)


def _status_code(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return lifecycle.filter_codes(value, "--status 状态")


def _row_lines(rows: list) -> list[str]:
    return [
        f"{r['id']}\t{r['reg_number'] or ''}\t{r['doc_number'] or ''}\t{r['title']}\t{r['published'] or ''}\t{r['status_label']}"
        for r in rows
    ]


def cmd_doc_list(args: argparse.Namespace) -> None:
    from app.services import search

    with session(args) as s:
        issuer_ids = (issuers.by_code(s, args.issuer).id,) if args.issuer else ()
        query = search.DocumentQuery(
            statuses=_status_code(args.status), issuer_ids=issuer_ids, year=args.year
        )
        rows = [_row_dict(r) for r in search.search_rows(s, query)]
    emit(rows, args.json, _row_lines)


def _row_dict(row) -> dict:
    return {
        "id": row.id,
        "issuer": row.issuer_code,
        "title": row.title,
        "doc_number": row.doc_number or None,
        "reg_number": row.reg_number or None,
        "published": row.published.isoformat() if row.published else None,
        "valid_until": row.valid_until.isoformat() if row.valid_until else None,
        "status": row.status,
        "status_label": row.status_label,
        "scheduled": row.scheduled.note if row.scheduled else None,
    }


def cmd_doc_show(args: argparse.Namespace) -> None:
    with session(args) as s:
        doc = documents.get(s, args.id)
        result = _doc_dict(s, doc)
        result["steps"] = [
            {
                "step": e.label,
                "done_on": e.done_on.isoformat() if e.done_on else None,
                "actor": e.actor,
                "actor_name": e.actor_name,
                "outcome": e.outcome,
                "required": e.required,
            }
            for e in documents.timeline(s, doc.id)
        ]
        result["links"] = [
            {"kind": v.kind_label, "id": v.other_id, "title": v.other_title}
            for v in documents.links(s, doc.id)
        ]
    emit(result, args.json, _show_lines)


def _show_lines(r: dict) -> list[str]:
    lines = [
        f"文件名称：{r['title']}",
        f"制定机关：{r['issuer_name']}（{r['issuer']}）",
        f"登记编号：{r['reg_number'] or '（未登记）'}",
        f"发文字号：{r['doc_number'] or '（无）'}",
        f"公布日期：{r['published'] or ''}    施行日期：{r['effective'] or ''}    有效期至：{r['valid_until'] or ''}",
        *(
            [f"印发日期：{r['issued'] or ''}    签署日期：{r['signed'] or ''}"]
            if r["issued"] or r["signed"]
            else []
        ),
        *([f"有效期超期理由：{r['term_reason']}"] if r["term_reason"] else []),
        *([f"公布载体：{r['channel']}"] if r["channel"] else []),
        *(["公开：不予公开（不列入发布目录）"] if r["withheld"] else []),
        f"状态：{r['status_label']}"
        + (f"（自 {r['ended_on']} 起）" if r["ended_on"] else "")
        + (
            f"（定于 {r['scheduled_on']} {lifecycle.STATUS_LABELS[r['scheduled_status']]}）"
            if r["scheduled_on"]
            else ""
        ),
    ]
    lines += [
        f"  {'✓' if st['done_on'] else '✗'} {st['step']} {st['done_on'] or '（未办理）'} {st['outcome']}"
        + (f"（{st['actor_name']}）" if st["actor_name"] else "")
        for st in r["steps"]
    ]
    lines += [f"  {link['kind']}：{link['title']}（{link['id']}）" for link in r["links"]]
    lines += [f"注意：{w}" for w in r["warnings"]]
    return lines


def cmd_search(args: argparse.Namespace) -> None:
    from app.services import search

    if not args.text.strip():
        raise UserError("检索词：不能为空。", field="检索词")
    with session(args) as s:
        rows = [
            _row_dict(r)
            for r in search.search_rows(s, search.DocumentQuery(text=args.text), limit=args.limit)
        ]
    emit(rows, args.json, _row_lines)


def cmd_number_void(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        numbering.void(s, acting(args), args.number, args.reason)
    print(f"已作废登记编号 {args.number}")


def cmd_number_assign(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        doc = documents.assign_number(s, acting(args), args.doc_id)
        print(f"已分配登记编号 {doc.reg_number}：《{doc.title}》")


def cmd_number_gaps(args: argparse.Namespace) -> None:
    with session(args) as s:
        issuer = issuers.by_code(s, args.issuer) if args.issuer else None
        rows = [
            {
                "number": g.number,
                "year": g.year,
                "serial": g.serial,
                "kind": g.kind.value,
                "kind_label": numbering.GAP_KIND_LABELS[g.kind],
                "reason": g.reason,
                "voided_on": g.voided_on.isoformat() if g.voided_on else None,
                "voided_by": g.voided_by,
                "voided_by_name": g.voided_by_name,
            }
            for g in numbering.gaps(s, issuer, args.year)
        ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"{r['number']}\t{r['kind_label']}\t{r['voided_on'] or ''}\t{r['voided_by_name']}\t{r['reason']}"
                for r in rs
            ]
            or ["没有空号。"]
        ),
    )


def cmd_demo(args: argparse.Namespace) -> None:
    from app.services import demo

    if not 1 <= args.docs <= demo.MAX_DOCS:
        raise UserError(f"--docs 文件数量：应在 1 到 {demo.MAX_DOCS:,} 之间。")

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r正在生成演示数据：{done}/{total}")
        return True

    with session(args, write=True) as s:
        summary = demo.make_demo(
            s, args.docs, seed=args.seed, progress=progress, actor=acting(args)
        )
    result = {"issuers": summary.issuers, "documents": summary.documents}
    emit(
        result,
        args.json,
        lambda r: [f"\n已生成演示数据：{r['documents']} 件文件，{r['issuers']} 个制定机关。"],
    )
