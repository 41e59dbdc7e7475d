import pytest

from app.errors import UserError
from app.models import Setting
from app.services import settings
from app.services.permissions import SYSTEM


def test_reset_removes_the_stored_value_so_the_default_applies(database):
    with database.transaction() as s:
        settings.put(s, SYSTEM, "filing.department.days", 30)
        settings.reset(s, SYSTEM, "filing.department.days")
    with database.reading() as s:
        assert s.get(Setting, "filing.department.days") is None
        assert settings.get(s, "filing.department.days") == 15


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("filing.department.days", "15", "必须是整数"),
        ("filing.department.working_days", 1, "应为“是”或“否”"),
        ("office.name", 3, "必须是文字"),
        ("review.opinion_template", "法审〔{year}〕号", "{seq}"),
        ("no.such.key", 1, "未知的设置项"),
    ],
)
def test_invalid_setting_values_are_refused(database, key, value, message):
    with database.transaction() as s, pytest.raises(UserError, match=message):
        settings.put(s, SYSTEM, key, value)
