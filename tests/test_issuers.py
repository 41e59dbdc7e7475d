import pytest

from app.errors import UserError
from tests.factories import add_issuer


@pytest.mark.parametrize("body", ["内设机构", "议事协调机构", "临时机构"])
def test_internal_and_temporary_bodies_may_not_issue(database, body):
    with database.transaction() as s, pytest.raises(UserError, match="不得制发"):
        add_issuer(s, body_type=body)


def test_duplicate_issuer_code_is_refused(database):
    with database.transaction() as s:
        add_issuer(s)
        with pytest.raises(UserError, match="已存在"):
            add_issuer(s, name="另一个名称")
