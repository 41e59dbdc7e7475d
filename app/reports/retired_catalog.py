"""废止和失效目录: documents repealed, declared invalid or lapsed, with when and why."""

from app.reports.listing import ListColumn

COLUMNS = (
    ListColumn("文件名称", 32, lambda r: r.title),
    ListColumn("发文字号", 15, lambda r: r.doc_number),
    ListColumn("登记编号", 14, lambda r: r.reg_number),
    ListColumn("制定机关", 11, lambda r: r.issuer_name),
    ListColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    ListColumn("状态", 7, lambda r: r.status_label, align="CENTER"),
    ListColumn("废止/失效日期", 10, lambda r: r.ended_on, align="CENTER"),
    ListColumn("说明", 10, lambda r: r.remarks),
)
