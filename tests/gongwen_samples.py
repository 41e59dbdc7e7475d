"""Letters for the GB/T 9704 renderer tests."""

from __future__ import annotations

from datetime import date

from app.reports.fonts import FontRole
from app.reports.gongwen.model import Letter, Para, Run, TableBlock, heading1

BODY_SENTENCE = (
    "按照备案要求，随本报告一并报送备案文件正式文本、制定说明及合法性审核意见等材料各一份。"
)


def table(rows: int = 4) -> TableBlock:
    return TableBlock(
        ("序号", "文件名称", "发文字号", "公布日期"),
        tuple(
            (str(i), f"河清市人民政府关于加强第{i}项管理工作的通知", f"河清政发〔2026〕{i}号",
             f"2026年{i}月1日")
            for i in range(1, rows + 1)
        ),
        (0.1, 0.5, 0.22, 0.18),
    )  # fmt: skip


def report(**changes: object) -> Letter:
    """A two-page 备案报告 with a heading, a mixed heading/body paragraph, a table, two
    attachments, a remark and a 版记."""
    letter = Letter(
        title="河清市司法局关于报送2026年第三季度规范性文件备案材料的报告",
        recipient="河清市人民政府",
        body=(
            Para.of(
                "根据《中华人民共和国立法法》《法规规章备案审查条例》和《河清市规范性文件管理办法》"
                "的规定，现将我单位2026年第三季度制定的规范性文件报送备案，请予审查。"
            ),
            heading1("一、基本情况"),
            Para.of(
                "本季度共制定规范性文件3件，均已按规定进行合法性审核、集体审议并向社会公布"
                "（详见附件1）。其中，涉及市场主体经济活动的文件1件，已开展公平竞争审查。"
            ),
            Para(
                (
                    Run("（一）制定程序。", FontRole.HEADING2),
                    Run("各文件均经起草、征求意见、合法性审核、集体审议、签署公布等程序。"),
                )
            ),
            table(),
            heading1("二、报送材料"),
            Para.of(BODY_SENTENCE * 3),
        ),
        signer="河清市司法局",
        signed_on=date(2026, 12, 1),
        attachments=(
            "河清市2026年第三季度规范性文件目录",
            "河清市人民政府关于加强城市精细化管理工作的通知（正式文本及制定说明）",
        ),
        remark="联系人：张三，电话：0311-12345678",
        copies_to=("河北省司法厅", "河清市人民政府办公室"),
        issued_by="河清市司法局办公室",
    )
    return _replace(letter, changes)


def long_letter(**changes: object) -> Letter:
    """A letter whose body fills whole pages: 20 paragraphs of plain sentences."""
    letter = Letter(
        title="关于开展规范性文件清理工作的通知",
        recipient="各乡镇人民政府，市政府各部门",
        body=tuple(Para.of(BODY_SENTENCE * 2) for _ in range(20)),
        signer="河清市人民政府办公室",
        signed_on=date(2026, 12, 1),
    )
    return _replace(letter, changes)


def _replace(letter: Letter, changes: dict[str, object]) -> Letter:
    from dataclasses import replace

    return replace(letter, **changes)  # type: ignore[arg-type]
