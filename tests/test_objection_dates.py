"""A request to review a document (审查建议) concerns a published document and cannot have been
received before its publication."""

from datetime import date

import pytest

from app.errors import UserError
from app.services import objections
from app.services.permissions import SYSTEM
from tests.factories import draft, register


def test_an_objection_needs_a_published_document_and_a_date_after_publication(office):
    with office.transaction() as s:
        doc = register(s, published=date(2026, 11, 20))
        unpublished = draft(s)
        with pytest.raises(UserError, match="收到日期：不能早于文件的公布日期 2026-11-20"):
            objections.register(s, SYSTEM, doc.id, date(2026, 11, 19), "张三", "收费无依据")
        with pytest.raises(UserError, match="尚未公布"):
            objections.register(s, SYSTEM, unpublished.id, date(2026, 11, 19), "张三", "收费无依据")
        assert objections.register(s, SYSTEM, doc.id, date(2026, 11, 20), "张三", "收费无依据").id
