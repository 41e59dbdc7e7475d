"""Linking an amending or repealing document published after the day of the change says so, rather
than that the document was never published."""

from datetime import date

import pytest

from app.errors import UserError
from app.services import documents
from app.services.permissions import SYSTEM
from tests.factories import register


def test_an_amending_document_published_after_the_day_is_named_with_its_date(office):
    with office.transaction() as s:
        old = register(s, "旧办法", published=date(2025, 1, 1))
        new = register(s, "关于修改旧办法的决定", published=date(2026, 11, 20))
    with office.transaction() as s, pytest.raises(UserError) as refused:
        documents.retire(s, SYSTEM, old.id, "amended", date(2026, 11, 10), "修改", new.id)
    assert refused.value.message == (
        "关联文件：《关于修改旧办法的决定》于 2026-11-20 公布，晚于修改日期 2026-11-10，"
        "不能作为修改或废止依据。"
    )
