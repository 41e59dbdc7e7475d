"""Where NormDesk keeps its data and which database it opens."""

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from app import APP_NAME

DB_ENV = "NORMDESK_DB"
DATA_DIR_ENV = "NORMDESK_DATA_DIR"
DB_FILENAME = "normdesk.db"


def data_dir() -> Path:
    """The per-user data folder (never beside the executable); NORMDESK_DATA_DIR overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    hint = f"请检查环境变量 {DATA_DIR_ENV}。" if override else ""
    return _folder(path, "数据文件夹", hint)


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)  # an OSError here: setup_logging goes on without
    return path


def _folder(path: Path, what: str, hint: str = "") -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from app.errors import UserError
        from app.failures import folder_failure

        raise UserError(f"{what}{folder_failure(path, exc)}{hint}") from exc
    return path


def bundle_root() -> Path:
    """The folder holding migrations/ and resources/: the source tree, or a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def database_url(cli_value: str | None = None) -> str:
    """`--db`, else NORMDESK_DB, else the data dir's SQLite file. A value may be a path or a URL."""
    value = cli_value or os.environ.get(DB_ENV) or str(data_dir() / DB_FILENAME)
    if "://" in value:
        _check_url(value)
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def _check_url(value: str) -> None:
    """Only the databases NormDesk runs on: a SQLite file or a PostgreSQL server."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from app.errors import UserError

    try:
        driver = make_url(value).drivername
    except (ArgumentError, ValueError):
        driver = ""
    if driver not in ("sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg"):
        raise UserError(
            f"数据库地址“{value[:200]}”不受支持：应为 SQLite 数据库文件的路径，"
            "或 postgresql+psycopg://用户@服务器/数据库 形式的地址。"
        )


def describe_url(url: str) -> str:
    """The database location for the status bar, without a password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)
