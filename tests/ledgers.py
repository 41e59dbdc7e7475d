"""Messy ledgers as offices keep them, made by the tests."""

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HEADER_TOP = ["序号", "文件名称", "发文字号", "日期", None, "有效期", "状态", "制定机关", "备注"]
HEADER_SUB = [None, None, None, "公布日期", "施行日期", None, None, None, None]


def messy_ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "2015-2025台账"
    ws.append(["河清市民政局行政规范性文件台账"])
    ws.merge_cells("A1:I1")
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for col in "ABCFGHI":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:E2")
    rows = [
        [
            1,
            "河清市城乡居民最低生活保障管理办法",
            "河民发[2022]7号",
            "2022/4/11",
            "2022年5月1日",
            "5年",
            "有效",
            "河清市民政局",
            "",
        ],
        [
            2,
            "河清市临时救助实施办法",
            "河民发（2021）3号",
            datetime(2021, 3, 2),
            44287,
            "2026-03-31",
            "现行有效",
            "民政局",
            "",
        ],
        None,
        [
            3,
            "河清市养老服务补贴暂行办法",
            "河民发〔2019〕12号",
            "2019.6.1",
            None,
            None,
            "已废止",
            "MZ",
            "被2023年办法取代",
        ],
        [
            4,
            "公式日期的文件",
            "河民发〔2020〕1号",
            "=DATE(2020,1,1)",
            None,
            None,
            "有效",
            "河清市民政局",
            "",
        ],
        [5, "超" * 301, "河民发〔2020〕2号", "2020-02-02", None, None, "有效", "河清市民政局", ""],
        [
            6,
            "重复文号的文件",
            "河民发[2022]7号",
            "2022-08-01",
            None,
            None,
            "有效",
            "河清市民政局",
            "",
        ],
        [
            7,
            "未知机关的文件",
            "某发〔2020〕9号",
            "2020-03-03",
            None,
            None,
            "有效",
            "不存在的局",
            "",
        ],
        [
            8,
            "日期写错的文件",
            "河民发〔2020〕5号",
            "2020年13月1日",
            None,
            None,
            "有效",
            "河清市民政局",
            "",
        ],
        None,
        [9, "-关于调整城乡低保标准的通知", "", "20200606", None, None, "失效", "河清市民政局", ""],
        [10, '=HYPERLINK("x")', "", "2020-07-07", None, None, "有效", "河清市民政局", ""],
    ]
    for row in rows:
        ws.append(row or [])
    wb.save(path)
    return path
