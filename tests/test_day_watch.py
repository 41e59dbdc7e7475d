from datetime import date

from app import clock
from app.services import documents
from app.ui.day_watch import DayWatch
from app.ui.operations import runner_for
from tests.factories import add_issuer, register


def test_documents_lapse_when_the_day_turns(qtbot, database):
    clock.fix_today(date(2026, 12, 1))
    with database.transaction() as s:
        add_issuer(s)
        doc = register(
            s, "河清市临时救助暂行办法", published=date(2024, 12, 1)
        )  # last day 2026-12-01
    watch = DayWatch(database)
    watch.check()
    assert runner_for(database).wait()
    with database.reading() as s:
        assert documents.get(s, doc.id).status == "in_force"
    clock.fix_today(date(2026, 12, 2))
    with qtbot.waitSignal(runner_for(database).data_changed, timeout=5000):
        watch.check()
    with database.reading() as s:
        assert documents.get(s, doc.id).status == "expired"
