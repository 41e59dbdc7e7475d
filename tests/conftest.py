import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import clock  # noqa: E402
from app.db import Database, open_database  # noqa: E402
from app.services.permissions import sign_in  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data dir and no inherited database setting."""
    data = tmp_path / "data"
    monkeypatch.setenv("NORMDESK_DATA_DIR", str(data))
    monkeypatch.delenv("NORMDESK_DB", raising=False)
    yield data
    clock.fix_today(None)
    sign_in(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.db"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def database(db_url: str) -> Database:
    db = open_database(db_url)
    yield db
    db.close()
