"""规范性文件登记簿: one row per registered document (domain.md, Catalogs and registers)."""

from app.reports.catalog_layout import CatalogColumn

COLUMNS = (
    CatalogColumn("登记编号", 14, lambda r: r.reg_number),
    CatalogColumn("发文字号", 15, lambda r: r.doc_number),
    CatalogColumn("文件名称", 24, lambda r: r.title),
    CatalogColumn("制定机关", 10, lambda r: r.issuer_name),
    CatalogColumn("起草单位", 8, lambda r: r.drafting_unit),
    CatalogColumn("公布日期", 8, lambda r: r.published, align="CENTER"),
    CatalogColumn("施行日期", 8, lambda r: r.effective, align="CENTER"),
    CatalogColumn("有效期至", 8, lambda r: r.valid_until, align="CENTER"),
    CatalogColumn("备案情况", 6, lambda r: ""),
    CatalogColumn("状态", 5, lambda r: r.status_label, align="CENTER"),
    CatalogColumn("备注", 6, lambda r: r.remarks),
)
