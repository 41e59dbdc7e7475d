"""现行有效目录: documents in force today; a document missing from it can no longer be applied."""

from app.reports.listing import ListColumn

COLUMNS = (
    ListColumn("制定机关", 12, lambda r: r.issuer_name),
    ListColumn("文件名称", 36, lambda r: r.title),
    ListColumn("发文字号", 15, lambda r: r.doc_number),
    ListColumn("登记编号", 14, lambda r: r.reg_number),
    ListColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    ListColumn("施行日期", 9, lambda r: r.effective, align="CENTER"),
    ListColumn("有效期至", 9, lambda r: r.valid_until, align="CENTER"),
)
