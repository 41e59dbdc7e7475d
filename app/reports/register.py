"""规范性文件登记簿: one row per registered document (domain.md, Catalogs and registers)."""

from app.reports.listing import ListColumn

COLUMNS = (
    ListColumn("登记编号", 12, lambda r: r.reg_number),
    ListColumn("发文字号", 11, lambda r: r.doc_number),
    ListColumn("文件名称", 14, lambda r: r.title),
    ListColumn("制定机关", 9, lambda r: r.issuer_name),
    ListColumn("起草单位", 6, lambda r: r.drafting_unit),
    ListColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    ListColumn("施行日期", 9, lambda r: r.effective, align="CENTER"),
    ListColumn("有效期至", 9, lambda r: r.valid_until, align="CENTER"),
    ListColumn("备案情况", 27, lambda r: r.filing),
    ListColumn("状态", 4, lambda r: r.status_label, align="CENTER"),
    ListColumn("备注", 5, lambda r: r.remarks),
)
