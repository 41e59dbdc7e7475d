"""废止和失效目录: documents repealed, declared invalid or lapsed, with when and why."""

from app.reports.catalog_layout import CatalogColumn

COLUMNS = (
    CatalogColumn("文件名称", 32, lambda r: r.title),
    CatalogColumn("发文字号", 15, lambda r: r.doc_number),
    CatalogColumn("登记编号", 14, lambda r: r.reg_number),
    CatalogColumn("制定机关", 11, lambda r: r.issuer_name),
    CatalogColumn("公布日期", 9, lambda r: r.published, align="CENTER"),
    CatalogColumn("状态", 7, lambda r: r.status_label, align="CENTER"),
    CatalogColumn("废止/失效日期", 10, lambda r: r.status_changed, align="CENTER"),
    CatalogColumn("说明", 10, lambda r: r.remarks),
)
