"""年度目录: the documents published in one year, due by the end of the next January."""

from app.reports.listing import ListColumn

COLUMNS = (
    ListColumn("登记编号", 14, lambda r: r.reg_number),
    ListColumn("发文字号", 15, lambda r: r.doc_number),
    ListColumn("文件名称", 34, lambda r: r.title),
    ListColumn("制定机关", 12, lambda r: r.issuer_name),
    ListColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    ListColumn("施行日期", 9, lambda r: r.effective, align="CENTER"),
    ListColumn("有效期至", 9, lambda r: r.valid_until, align="CENTER"),
    ListColumn("状态", 6, lambda r: r.status_label, align="CENTER"),
)
