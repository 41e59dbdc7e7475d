"""NormDesk 规范性文件管理系统."""

__version__ = "0.1.0"
APP_NAME = "NormDesk"
APP_TITLE = "规范性文件管理系统"
