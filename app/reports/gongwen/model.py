"""What a letter says, free of any layout: the letter modules (备案报告, 审核意见书, 提醒函, …)
build these from the database and the renderers lay them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from app.reports.fonts import FontRole


class Align(Enum):
    LEFT = "left"  # ragged on the grid; first line indented by two characters when `indent`
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Run:
    """Text in one font role: a paragraph may start with a heading in 黑体 and go on in 仿宋."""

    text: str
    role: FontRole = FontRole.BODY


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    indent: bool = True  # 首行左空二字
    align: Align = Align.LEFT

    @classmethod
    def of(cls, text: str, role: FontRole = FontRole.BODY, indent: bool = True) -> Para:
        return cls((Run(text, role),), indent)


def heading1(text: str) -> Para:
    """一、… in 黑体, indented two characters like body text."""
    return Para.of(text, FontRole.HEADING1)


def heading2(text: str) -> Para:
    """（一）… in 楷体."""
    return Para.of(text, FontRole.HEADING2)


def is_heading(para: Para) -> bool:
    """A paragraph that is only a heading: it stays on the page of what follows it."""
    return bool(para.runs) and all(
        run.role in (FontRole.HEADING1, FontRole.HEADING2) for run in para.runs
    )


@dataclass(frozen=True)
class TableBlock:
    """A ruled table in 宋体 inside the body; `shares` of the text block's width per column."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]


Block = Para | TableBlock


@dataclass(frozen=True)
class Letter:
    """One 公文 letter. Several letters may go into one file; each starts on a new page and
    numbers its own pages."""

    title: str  # 标题, split into a 梯形/菱形 by the renderer when long
    recipient: str  # 主送机关, without the colon
    body: tuple[Block, ...]  # 正文
    signer: str  # 发文机关署名
    signed_on: date  # 成文日期, printed in Arabic numerals: 2026年12月1日
    number: str = ""  # 发文字号, e.g. 河清司备〔2026〕3号
    attachments: tuple[str, ...] = ()  # 附件说明: names only, no closing punctuation
    remark: str = ""  # 附注, e.g. 联系人：张三，电话：…, printed in parentheses
    seal: bool = True  # leave room for the seal pressed over 署名 and 日期
    copies_to: tuple[str, ...] = ()  # 版记: 抄送
    issued_by: str = ""  # 版记: 印发机关; empty with no copies_to means no 版记
    issued_on: date | None = None  # 版记: 印发日期
