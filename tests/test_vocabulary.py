"""The program's words (app/services/vocabulary.py): stored codes unchanged, labels once."""

from datetime import date

from sqlalchemy import Boolean, inspect, text

from app.models import Document
from app.services import lifecycle
from app.services.vocabulary import DocFlag, DocStatus
from tests.factories import add_issuer, draft, register


def test_a_status_is_stored_as_the_code_it_always_had(database):
    with database.transaction() as s:
        add_issuer(s)
        doc_id = register(s, published=date(2024, 3, 3)).id
    with database.reading() as s:
        stored = s.scalar(text("SELECT status FROM document WHERE id = :i"), {"i": doc_id})
        doc = s.get(Document, doc_id)
    assert stored == "published" == DocStatus.PUBLISHED
    assert DocStatus(stored).label == "已公布" == lifecycle.STATUS_LABELS[doc.status]


def test_the_status_groups_are_made_of_statuses():
    grouped = [*lifecycle.IN_FORCE, *lifecycle.RETIRED, *lifecycle.DRAFTING]
    assert sorted(grouped) == sorted(DocStatus)
    assert all(isinstance(status, DocStatus) for status in grouped)


def test_every_yes_no_column_of_a_document_is_a_flag_with_its_words():
    columns = {c.key for c in inspect(Document).columns if isinstance(c.type, Boolean)}
    flags = {flag.value for flag in DocFlag}
    assert flags <= columns
    # markers, not attributes that decide a procedure: 备案情况未录入, 不予公开
    assert columns - flags <= {"filing_unrecorded", "withheld"}
    assert all(flag.label and flag.short for flag in DocFlag)
    assert DocFlag.MARKET_RELATED.with_duty == "涉及经营主体经济活动（须公平竞争审查）"


def test_filing_answers_and_review_outcomes_keep_their_stored_chinese_names():
    from app.services import filing
    from app.services.vocabulary import FilingAnswer, ReviewOutcome

    assert list(filing.RESULTS) == ["予以备案", "暂缓登记", "不予备案", "纠正", "撤销"]
    assert list(lifecycle.REVIEW_OUTCOMES) == ["合法", "修改后合法", "不合法"]
    assert all(a.label == a.value for a in FilingAnswer)
    assert all(o.label == o.value for o in ReviewOutcome)
    assert filing.REVOKED_STATUS == DocStatus.DECLARED_INVALID == "declared_invalid"


def test_every_action_the_program_records_reads_in_chinese_in_the_audit_list():
    """The list showed the raw codes assign_number, filing_bulk and pg_roles_setup: their labels
    lived in a table beside the code that wrote them."""
    import re
    from pathlib import Path

    from app.models import AuditEntry
    from app.services import audit_query
    from app.services.vocabulary import AuditAction

    app = Path(__file__).resolve().parent.parent / "app"
    written = set()
    for path in app.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        written |= set(re.findall(r"AuditAction\.([A-Z_]+)", source))
        written |= {
            m.upper() for m in re.findall(r'audit\.record\(\s*\w+,\s*[^,]+,\s*"([a-z_]+)"', source)
        }
    assert written <= {a.name for a in AuditAction}
    for name in ("ASSIGN_NUMBER", "FILING_BULK", "PG_ROLES_SETUP"):
        action = AuditAction[name]
        entry = AuditEntry(
            at=None,
            actor="张三",
            action=action.value,
            object_type="document",
            object_id=1,
            summary="",
            old_values=None,
            new_values=None,
        )
        assert audit_query.row_of(entry).action == action.label != action.value


def test_a_review_case_status_is_stored_as_its_old_code(database):
    from app.services import reviews
    from app.services.permissions import SYSTEM
    from app.services.reviews import MATERIALS, ReviewIntake
    from app.services.vocabulary import ReviewStatus

    with database.transaction() as s:
        add_issuer(s)
        doc_id = draft(s).id
        data = ReviewIntake(
            "normative",
            "河清市某办法",
            date(2026, 9, 25),
            "李审核",
            list(MATERIALS["normative"]),
            submitting_unit="社会救助科",
            document_id=doc_id,
        )
        case_id = reviews.intake(s, SYSTEM, data).id
    with database.reading() as s:
        stored = s.scalar(text("SELECT status FROM review_case WHERE id = :i"), {"i": case_id})
    assert stored == "in_review" == ReviewStatus.IN_REVIEW
    assert reviews.STATUS_LABELS[stored] == "审核中"
