"""The procedure a published demo document went through before it was published (public comment,
fair competition review, legality review, publication through a prescribed channel) and the
evaluations of documents nearing the end of their term: bulk rows, most but not all documents
having each, as in a real office's register."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.models import ProcedureStep, ValidityEvaluation
from app.services.demo_office import CITY, clerk
from app.services.vocabulary import DocStatus, FairCompetitionOutcome, ReviewOutcome, Step

CHUNK = 5000
# Shares of the documents that went through each step (of those that needed it).
REVIEWED, COMMENTED, COMPETITION, CHANNELED, EVALUATED = 0.94, 0.88, 0.9, 0.95, 0.85
GOVERNMENT_CHANNELS = (f"{CITY}人民政府公报", f"{CITY}人民政府门户网站")
DEPARTMENT_CHANNELS = ("本部门门户网站", f"{CITY}人民政府门户网站", "河清日报")
WARNING_DAYS = 180  # evaluations are made within the months before the term ends


def published_steps(
    rows: list[dict[str, Any]], rng: random.Random, governments: set[int], since: date
) -> list[dict[str, Any]]:
    """The step rows of documents published from `since`, dated before their publication in the
    order the procedure imposes (comment, fair competition, legality review, publication). Older
    documents are left as a register brought in from paper holds them (a large demo stays quick)."""
    steps: list[dict[str, Any]] = []
    missed = _Missed()
    for row in rows:
        if row["published"] is None or row["published"] < since:
            continue
        steps.extend(_steps_of(row, rng, row["issuer_id"] in governments, missed))
    return steps


class _Missed:
    """Which documents went without a step: every k-th of those that needed it, so that each
    year of a small demo has a few (a random draw could leave a year at 100 %)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, step: str, share: float) -> bool:
        n = self.seen[step] = self.seen.get(step, 0) + 1
        return n % round(1 / (1 - share)) == 0


def _steps_of(
    row: dict[str, Any], rng: random.Random, government: bool, missed: _Missed
) -> list[dict[str, Any]]:
    published, doc_id = row["published"], row["id"]
    review_day = published - timedelta(days=rng.randint(7, 30))
    competition_day = review_day - timedelta(days=rng.randint(3, 15))
    comment_end = competition_day - timedelta(days=rng.randint(5, 20))
    found = []

    def step(name: str, day: date, outcome: str = "", note: str = "", **extra: Any) -> None:
        found.append(
            {
                "document_id": doc_id,
                "step": name,
                "done_on": day,
                "actor": clerk(doc_id),
                "outcome": outcome,
                "note": note,
                "period_start": None,
                "period_end": None,
                "confirmed_on": None,
                **extra,
            }
        )

    if (row["important"] or row["public_facing"]) and not missed("comment", COMMENTED):
        step(
            Step.PUBLIC_COMMENT,
            comment_end,
            note="通过政府门户网站公开征求意见",
            period_start=comment_end - timedelta(days=30),
            period_end=comment_end,
        )
    if row["market_related"] and not missed("competition", COMPETITION):
        step(
            Step.FAIR_COMPETITION,
            competition_day,
            FairCompetitionOutcome.CONFORMS,
            "经公平竞争审查，未发现排除、限制竞争的内容",
        )
    if not missed("review", REVIEWED):
        changed = rng.random() < 0.15
        step(
            Step.LEGALITY_REVIEW,
            review_day,
            ReviewOutcome.LAWFUL_IF_CHANGED if changed else ReviewOutcome.LAWFUL,
            confirmed_on=review_day + timedelta(days=rng.randint(2, 6)) if changed else None,
        )
    if not missed("publication", CHANNELED):
        channel = rng.choice(GOVERNMENT_CHANNELS if government else DEPARTMENT_CHANNELS)
        step("publication", published, channel, f"登记编号 {row['reg_number']}")
    return found


def insert_steps(s: Session, steps: list[dict[str, Any]]) -> None:
    for start in range(0, len(steps), CHUNK):
        s.execute(insert(ProcedureStep.__table__), steps[start : start + CHUNK])


def evaluations(
    rows: list[dict[str, Any]], rng: random.Random, today: date, since: date
) -> list[dict[str, Any]]:
    """到期评估: most documents whose term ends from `since` to half a year ahead and that reach
    it (no retirement recorded) were evaluated within the months before, never after today."""
    found = []
    for row in rows:
        until = row["valid_until"]
        if row["status"] != DocStatus.PUBLISHED or until is None or not since <= until:
            continue
        if until > today + timedelta(days=WARNING_DAYS) or rng.random() >= EVALUATED:
            continue
        day = min(until - timedelta(days=rng.randint(15, 150)), today)
        if day < max(row["effective"], until - timedelta(days=WARNING_DAYS + 30)):
            continue  # not yet due for evaluation
        lapse = rng.random() < 0.6
        found.append(
            {
                "document_id": row["id"],
                "evaluated_on": day,
                "decision": "lapse" if lapse else "reissue",
                "reason": "政策目标已完成，有效期届满后自然失效"
                if lapse
                else "实施效果良好，仍需继续施行，由起草单位按程序重新公布",
                "evaluated_by": row["drafting_unit"],
                "new_document_id": None,
            }
        )
    return found


def insert_evaluations(s: Session, found: list[dict[str, Any]]) -> None:
    for start in range(0, len(found), CHUNK):
        s.execute(insert(ValidityEvaluation.__table__), found[start : start + CHUNK])
