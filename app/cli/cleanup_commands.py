"""`cleanup` commands."""

from __future__ import annotations

import argparse

from app.cli import emit
from app.cli.commands import actions, add_json, session
from app.services import cleanup


def register(sub: argparse._SubParsersAction) -> None:
    group = actions(sub, "cleanup", "规范性文件清理")
    listing = group.add_parser("list", help="列出清理批次")
    add_json(listing)
    listing.set_defaults(handler=cmd_cleanup_list)


def cmd_cleanup_list(args: argparse.Namespace) -> None:
    with session(args) as s:
        due, rule = cleanup.next_regular_due(s)
        rows = [
            {
                "id": b.id,
                "kind": b.kind,
                "kind_label": cleanup.KINDS[b.kind],
                "title": b.title,
                "reason": b.reason,
                "created_on": b.created_on.isoformat(),
                "status": b.status,
                "applied_on": b.applied_on.isoformat() if b.applied_on else None,
                "documents": len(b.items),
                "decisions": cleanup.summary(b),
            }
            for b in cleanup.list_batches(s)
        ]
    emit(
        rows,
        args.json,
        lambda rs: (
            [
                f"{r['id']}\t{r['kind_label']}\t{r['title']}\t{r['status']}\t{r['documents']} 件"
                for r in rs
            ]
            + [f"下次定期清理：{due}（{rule}）"]
        ),
    )
