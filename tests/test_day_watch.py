from datetime import date

from sqlalchemy import func, select

from app import clock
from app.models import AuditEntry
from app.services import search
from app.ui.day_watch import DayWatch
from tests.factories import add_issuer, register
from tests.ui_context import context


def test_the_views_show_a_lapse_when_the_day_turns_and_nothing_is_written(qtbot, database):
    clock.fix_today(date(2026, 12, 1))
    with database.transaction() as s:
        add_issuer(s)
        doc = register(
            s, "河清市临时救助暂行办法", published=date(2024, 12, 2)
        )  # last day 2026-12-01
    with database.reading() as s:
        audited = s.scalar(select(func.count()).select_from(AuditEntry))
    watch = DayWatch(context(database))
    runner = context(database).runner
    with qtbot.assertNotEmitted(runner.data_changed):
        watch.check()  # the same day: nothing to refresh

    def shown() -> str:
        with database.reading() as s:
            return search.load_rows(s, [doc.id])[0].status_label

    assert shown() == "有效"
    clock.fix_today(date(2026, 12, 2))
    with qtbot.waitSignal(runner.data_changed, timeout=5000) as blocker:
        watch.check()
    assert "documents" in blocker.args[0]
    assert shown() == "失效"
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audited
