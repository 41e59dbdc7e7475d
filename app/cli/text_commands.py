"""`text`, `basis` and `law` commands: a document's texts, its legal bases (制定依据) and the
changes of the upper-level laws they cite (app/services/texts.py, legal_bases.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import emit
from app.cli.commands import actions, add_json, date_arg, id_arg, session
from app.cli.login import acting
from app.services import legal_bases, texts
from app.services.basis_suggest import LawLevel
from app.services.vocabulary import LawChangeKind, TextKind


def register(sub: argparse._SubParsersAction) -> None:
    text = actions(sub, "text", "文件正文（公布文本、现行文本）")
    add = text.add_parser("add", help="附上文件正文（.docx、.pdf、.ofd、.txt），提取文字")
    add.add_argument("id", type=id_arg, help="文件编号")
    add.add_argument("file", type=Path, help="正文文件")
    add.add_argument(
        "--current", type=date_arg("现行文本日期"), metavar="DATE", help="作为截至该日的现行文本"
    )
    add_json(add)
    add.set_defaults(handler=cmd_text_add)
    show = text.add_parser("show", help="显示文件的现行正文")
    show.add_argument("id", type=id_arg, help="文件编号")
    add_json(show)
    show.set_defaults(handler=cmd_text_show)

    basis = actions(sub, "basis", "文件的制定依据")
    listing = basis.add_parser("list", help="列出文件的制定依据")
    listing.add_argument("id", type=id_arg, help="文件编号")
    add_json(listing)
    listing.set_defaults(handler=cmd_basis_list)
    suggest = basis.add_parser("suggest", help="从正文中提取可能的制定依据（不保存）")
    suggest.add_argument("id", type=id_arg, help="文件编号")
    add_json(suggest)
    suggest.set_defaults(handler=cmd_basis_suggest)
    add_basis = basis.add_parser("add", help="为文件添加一项制定依据")
    add_basis.add_argument("id", type=id_arg, help="文件编号")
    add_basis.add_argument("name", help="法律、法规、规章或上级文件的名称")
    add_basis.add_argument("--articles", default="", help="条款，如 第十二条、第十四条")
    add_basis.add_argument("--level", choices=[level.label for level in LawLevel], help="效力层级")
    add_json(add_basis)
    add_basis.set_defaults(handler=cmd_basis_add)

    law = actions(sub, "law", "上位法目录和上位法变化")
    laws = law.add_parser("list", help="列出上位法目录")
    add_json(laws)
    laws.set_defaults(handler=cmd_law_list)
    changed = law.add_parser("changed", help="记录上位法修改或废止，列出受影响的现行有效文件")
    changed.add_argument("name", help="上位法名称")
    changed.add_argument("--date", required=True, type=date_arg("变化日期"), help="修改或废止日期")
    changed.add_argument(
        "--kind", required=True, choices=[k.label for k in LawChangeKind], help="变化类型"
    )
    changed.add_argument("--what", default="", help="变化内容")
    changed.add_argument("--cleanup", action="store_true", help="同时开启对受影响文件的专项清理")
    add_json(changed)
    changed.set_defaults(handler=cmd_law_changed)
    pending = law.add_parser("pending", help="上位法变化待处理")
    add_json(pending)
    pending.set_defaults(handler=cmd_law_pending)


def cmd_text_add(args: argparse.Namespace) -> None:
    from app.services import text_extract

    kind = TextKind.ORIGINAL if args.current is None else TextKind.CONSOLIDATED
    with session(args, write=True) as s:
        row = texts.add_file(s, acting(args), args.id, args.file, kind, args.current)
        result = {
            "document_id": args.id,
            "text_id": row.id,
            "kind": str(kind),
            "as_of": row.as_of.isoformat() if row.as_of else None,
            "chars": len(row.body),
            "pages": row.pages,
            "scanned": row.scanned,
        }
        note = text_extract.scan_note(row.fmt)

    def lines(r: dict[str, Any]) -> list[str]:
        what = kind.label + (f"（{r['as_of']}）" if r["as_of"] else "")
        if r["scanned"]:
            return [f"已附上{what}的文件，但未能提取文字：{note}"]
        return [f"已录入{what}：{r['chars']:,} 字。"]

    emit(result, args.json, lines)


def cmd_text_show(args: argparse.Namespace) -> None:
    with session(args) as s:
        row = texts.in_force_text(s, args.id)
        result = (
            None
            if row is None
            else {
                "kind": row.kind,
                "as_of": row.as_of.isoformat() if row.as_of else None,
                "body": row.body,
                "scanned": row.scanned,
            }
        )
    emit(
        result,
        args.json,
        lambda r: ["该文件还没有录入正文。"] if r is None else r["body"].split("\n"),
    )


def _basis_dict(b: legal_bases.BasisView) -> dict[str, Any]:
    return {
        "id": b.id,
        "name": b.name,
        "level": b.level.label,
        "law_status": b.law_status.label,
        "articles": b.articles,
        "source": b.source.label,
    }


def cmd_basis_list(args: argparse.Namespace) -> None:
    with session(args) as s:
        from app.services import documents

        documents.get(s, args.id)  # a missing document is named, not listed empty
        rows = [_basis_dict(b) for b in legal_bases.bases(s, args.id)]
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"《{r['name']}》{r['articles']}\t{r['level']}\t{r['law_status']}\t{r['source']}"
                for r in rs
            ]
            or ["该文件没有列出制定依据。"]
        ),
    )


def cmd_basis_suggest(args: argparse.Namespace) -> None:
    with session(args) as s:
        found = legal_bases.suggestions(s, args.id)
    rows = [
        {"name": f.name, "level": f.level.label, "articles": f.articles, "evidence": f.evidence}
        for f in found
    ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [f"《{r['name']}》{r['articles']}\t{r['level']}" for r in rs]
            or ["正文中没有找到未列出的制定依据。"]
        ),
    )


def cmd_basis_add(args: argparse.Namespace) -> None:
    level = next((v for v in LawLevel if v.label == args.level), None)
    with session(args, write=True) as s:
        basis = legal_bases.add_basis(s, acting(args), args.id, args.name, args.articles, level)
        view = next(b for b in legal_bases.bases(s, args.id) if b.id == basis.id)
        result = _basis_dict(view)
    emit(
        result,
        args.json,
        lambda r: [f"已添加制定依据：《{r['name']}》{r['articles']}（{r['level']}）"],
    )


def _doc_rows(s: Any, ids: list[int]) -> list[dict[str, Any]]:
    from app.services import search

    return [
        {"id": r.id, "reg_number": r.reg_number, "title": r.title, "issuer": r.issuer_name}
        for r in search.load_rows(s, ids)
    ]


def cmd_law_changed(args: argparse.Namespace) -> None:
    kind = next(k for k in LawChangeKind if k.label == args.kind)
    with session(args, write=True) as s:
        done = legal_bases.record_change(
            s, acting(args), args.name, kind, args.date, args.what, open_cleanup=args.cleanup
        )
        result = {
            "law": done.change.law.name,
            "kind": args.kind,
            "date": args.date.isoformat(),
            "change_id": done.change.id,
            "documents": _doc_rows(s, done.affected),
            "cleanup_batch": done.batch.id if done.batch else None,
        }

    def lines(r: dict[str, Any]) -> list[str]:
        head = f"已记录：《{r['law']}》于 {r['date']} {r['kind']}。"
        if not r["documents"]:
            return [head, "现行有效的文件中没有以其为制定依据的。"]
        out = [head, f"以其为制定依据的现行有效文件 {len(r['documents'])} 件："]
        out += [
            f"{d['id']}\t{d['reg_number']}\t{d['title']}\t{d['issuer']}" for d in r["documents"]
        ]
        if r["cleanup_batch"]:
            out.append(f"已开启专项清理（批次 {r['cleanup_batch']}）。")
        else:
            out.append("可在“清理”中对这些文件开启专项清理，或重新执行并加 --cleanup。")
        return out

    emit(result, args.json, lines)


def cmd_law_list(args: argparse.Namespace) -> None:
    with session(args) as s:
        rows = [
            {
                "id": v.id,
                "name": v.name,
                "level": v.level.label,
                "status": v.status.label,
                "citing": v.citing,
                "last_change": v.last_change.isoformat() if v.last_change else None,
            }
            for v in legal_bases.laws(s)
        ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [f"《{r['name']}》\t{r['level']}\t{r['status']}\t现行文件 {r['citing']} 件" for r in rs]
            or ["上位法目录为空：为文件添加制定依据后，所引用的法律法规即列入目录。"]
        ),
    )


def cmd_law_pending(args: argparse.Namespace) -> None:
    with session(args) as s:
        rows = [
            {
                "change_id": c.id,
                "law": c.law_name,
                "kind": c.kind.label,
                "date": c.changed_on.isoformat(),
                "documents": c.affected,
                "cleanup_batch": c.batch_id,
            }
            for c in legal_bases.pending(s)
        ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"《{r['law']}》{r['date']} {r['kind']}：{r['documents']} 件待清理"
                + (f"（清理批次 {r['cleanup_batch']} 未实施）" if r["cleanup_batch"] else "")
                for r in rs
            ]
            or ["没有待处理的上位法变化。"]
        ),
    )
