"""People, not usernames (issue 23): what is shown names the person; the records keep the
username that acted, and the command line's JSON gives both."""

import io
import json
from datetime import date

from app.cli import run
from app.services import numbering, people, registration, users
from app.services.documents import DocumentInput
from app.services.permissions import SYSTEM, Actor, Role
from tests.factories import add_issuer

CLERK = Actor("qiandj", Role.ADMIN)


def test_a_username_without_an_account_reads_as_itself(database):
    with database.transaction() as s:
        users.add_user(s, SYSTEM, "qiandj", "钱登记", Role.ADMIN.value, "clerk2026")
        who = people.names(s)
    assert [who(n) for n in ("qiandj", "系统", "gone.user", "")] == [
        "钱登记",
        "系统",
        "gone.user",
        "",
    ]


def test_the_command_line_names_who_recorded_a_step_and_voided_a_number(
    database, db_url, capsys, monkeypatch
):
    with database.transaction() as s:
        add_issuer(s)
        users.add_user(s, SYSTEM, "qiandj", "钱登记", Role.ADMIN.value, "clerk2026")
        doc = registration.register_published(
            s, CLERK, DocumentInput("MZ", "河清市临时救助办法", published=date(2026, 3, 3))
        )
        voided = registration.register_published(
            s, CLERK, DocumentInput("MZ", "河清市殡葬管理办法", published=date(2026, 3, 4))
        )
        numbering.void(s, CLERK, voided.reg_number, "录错")

    def cli(*args: str) -> str:
        monkeypatch.setattr("sys.stdin", io.StringIO("clerk2026\n"))
        capsys.readouterr()
        assert run(["--db", db_url, "--user", "qiandj", *args]) == 0
        return capsys.readouterr().out

    [step] = json.loads(cli("doc", "show", str(doc.id), "--json"))["steps"]
    assert (step["actor"], step["actor_name"]) == ("qiandj", "钱登记")
    assert "（钱登记）" in cli("doc", "show", str(doc.id))
    [gap] = json.loads(cli("number", "gaps", "--json"))
    assert (gap["voided_by"], gap["voided_by_name"]) == ("qiandj", "钱登记")
    assert cli("number", "gaps").split("\t")[3] == "钱登记"
