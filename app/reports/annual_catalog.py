"""年度目录: the documents published in one year, due by the end of the next January."""

from app.reports.catalog_layout import CatalogColumn

COLUMNS = (
    CatalogColumn("登记编号", 14, lambda r: r.reg_number),
    CatalogColumn("发文字号", 15, lambda r: r.doc_number),
    CatalogColumn("文件名称", 34, lambda r: r.title),
    CatalogColumn("制定机关", 12, lambda r: r.issuer_name),
    CatalogColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    CatalogColumn("施行日期", 9, lambda r: r.effective, align="CENTER"),
    CatalogColumn("有效期至", 9, lambda r: r.valid_until, align="CENTER"),
    CatalogColumn("状态", 6, lambda r: r.status_label, align="CENTER"),
)
