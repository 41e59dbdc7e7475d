"""`issuer rename`, `issuer merge`, `issuer deactivate` and `issuer activate` (机构改革)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.cli import emit
from app.cli.commands import add_json, date_arg, session
from app.cli.login import acting
from app.services import issuer_names, issuers

if TYPE_CHECKING:
    from app.models import Issuer


def register(issuer: argparse._SubParsersAction) -> None:
    """The actions beside `issuer add` and `issuer list`."""
    rename = issuer.add_parser("rename", help="制定机关更名（机构改革），编号序列不变")
    rename.add_argument("--code", required=True, help="机关代码")
    rename.add_argument("--name", required=True, help="新名称")
    rename.add_argument("--abbr", required=True, help="新的发文机关代字")
    rename.add_argument("--date", required=True, type=date_arg("生效日期"), help="生效日期")
    rename.add_argument("--reason", required=True, help="更名原因或依据")
    add_json(rename)
    rename.set_defaults(handler=cmd_rename)
    merge = issuer.add_parser("merge", help="制定机关并入另一机关，此后不再登记新文件")
    merge.add_argument("--code", required=True, help="被合并机关的代码")
    merge.add_argument("--into", required=True, help="承接机关的代码")
    merge.add_argument("--date", required=True, type=date_arg("生效日期"), help="生效日期")
    merge.add_argument("--reason", required=True, help="合并原因或依据")
    add_json(merge)
    merge.set_defaults(handler=cmd_merge)
    deactivate = issuer.add_parser("deactivate", help="停用制定机关（其文件保留）")
    deactivate.add_argument("--code", required=True, help="机关代码")
    deactivate.add_argument("--reason", required=True, help="停用原因")
    deactivate.add_argument("--date", type=date_arg("停用日期"), help="停用日期，默认今天")
    add_json(deactivate)
    deactivate.set_defaults(handler=cmd_deactivate)
    activate = issuer.add_parser("activate", help="重新启用已停用的制定机关")
    activate.add_argument("--code", required=True, help="机关代码")
    activate.add_argument("--reason", required=True, help="启用原因")
    add_json(activate)
    activate.set_defaults(handler=cmd_activate)


def issuer_dict(s: Session, issuer: Issuer) -> dict[str, Any]:
    """An issuer as `issuer list --json` and these commands print it."""
    successor = issuers.successor(s, issuer)
    return {
        "id": issuer.id,
        "code": issuer.code,
        "name": issuer.name,
        "abbr": issuer.abbr,
        "level": issuer.level,
        "template": issuer.reg_template,
        "sequence": issuer.sequence_key,
        "active": issuer.active,
        "merged_into": successor.code if successor else None,
        "ended_on": issuer.ended_on.isoformat() if issuer.ended_on else None,
        "former_names": [
            {
                "name": n.name,
                "abbr": n.abbr,
                "valid_from": n.valid_from.isoformat() if n.valid_from else None,
                "valid_until": n.valid_until.isoformat(),
            }
            for n in issuer_names.former_names(s, issuer.id)
        ],
    }


def _done(args: argparse.Namespace, result: dict[str, Any], line: str) -> None:
    emit(result, args.json, lambda _: [line])


def cmd_rename(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        old = issuers.by_code(s, args.code).name
        issuer = issuers.rename(
            s, acting(args), args.code, args.name, args.abbr, args.date, args.reason
        )
        result = issuer_dict(s, issuer)
    _done(args, result, f"制定机关“{old}”自 {args.date} 起更名为“{result['name']}”，编号序列不变。")


def cmd_merge(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        issuer = issuers.merge(s, acting(args), args.code, args.into, args.date, args.reason)
        result = issuer_dict(s, issuer)
        into = issuers.successor(s, issuer)
        line = f"制定机关“{issuer.name}”自 {args.date} 起并入“{into.name if into else ''}”，不再登记新文件。"
    _done(args, result, line)


def cmd_deactivate(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        issuer = issuers.deactivate(s, acting(args), args.code, args.reason, args.date)
        result = issuer_dict(s, issuer)
    _done(args, result, f"已停用制定机关“{result['name']}”（自 {result['ended_on']} 起）。")


def cmd_activate(args: argparse.Namespace) -> None:
    with session(args, write=True) as s:
        issuer = issuers.activate(s, acting(args), args.code, args.reason)
        result = issuer_dict(s, issuer)
    _done(args, result, f"已重新启用制定机关“{result['name']}”。")
