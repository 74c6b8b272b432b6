"""An action's RAG follows its status and due date: "Not started" is not red before it is due."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from s11audit import action_rag
from s11audit.action_rag import AMBER, GREEN, NOT_DUE, RED, rag
from s11audit.reports import xlsx
from s11audit.store import ActionRow

TODAY = dt.date(2026, 11, 16)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


CASES = [
    # status, due date, RAG
    ("complete", days(-40), GREEN),
    ("complete", None, GREEN),
    ("not_started", days(-1), RED),
    ("in_progress", days(-1), RED),
    ("not_started", days(0), AMBER),  # due today: not yet overdue
    ("not_started", days(28), AMBER),
    ("not_started", days(29), NOT_DUE),
    ("not_started", days(200), NOT_DUE),
    ("not_started", None, NOT_DUE),
    ("in_progress", days(0), GREEN),
    ("in_progress", days(5), GREEN),
    ("in_progress", None, GREEN),
]


@pytest.mark.parametrize(("status", "due", "expected"), CASES)
def test_rag_by_status_and_due_date(status, due, expected):
    assert rag(status, due, TODAY) == expected
    assert ActionRow(1, "3", "Do it", due_date=due, status=status).rag(TODAY) == expected


def test_overdue_only_after_the_due_day_and_never_when_complete():
    assert not action_rag.overdue("not_started", days(0), TODAY)
    assert action_rag.overdue("not_started", days(-1), TODAY)
    assert not action_rag.overdue("complete", days(-1), TODAY)
    assert not action_rag.overdue("in_progress", None, TODAY)


def test_rule_in_words_names_every_colour_and_the_window():
    for word in ("Red", "Amber", "Green", "Not yet due", f"{action_rag.AMBER_DAYS} days"):
        assert word in action_rag.RULE
    assert set(action_rag.RAG_ORDER) == set(action_rag.RAG_WORDS) == {RED, AMBER, GREEN, NOT_DUE}
    assert min(action_rag.RAG_ORDER, key=action_rag.RAG_ORDER.get) == RED


class _Blank:
    """An empty cell in a comparison: Excel's blank compared with a number (never true here)."""

    def __lt__(self, other):
        return False

    __le__ = __gt__ = __ge__ = __lt__


def _excel(formula: str, status: str, due: dt.date | None) -> bool:
    """Evaluate one of the workbook's conditional-format formulas for a row (status in F, due in E)."""
    expr = formula.replace("<>", "\x01").replace("<=", "\x02").replace("=", "==")
    expr = expr.replace("\x01", "!=").replace("\x02", "<=")
    names = {"AND": lambda *a: all(a), "OR": lambda *a: any(a), "ISNUMBER": lambda v: isinstance(v, int),
             "TODAY": TODAY.toordinal, "S": status, "D": due.toordinal() if due else _Blank()}
    return bool(eval(expr.replace("$F2", "S").replace("$E2", "D"), names))


@pytest.mark.parametrize(("status", "due", "expected"), CASES)
def test_workbook_colours_follow_the_same_rule(status, due, expected):
    sheet = Workbook().active
    xlsx._status_rules(sheet, "F", "E")
    rules = [(rule.dxf.fill.fgColor.rgb, rule.formula[0]) for rng in sheet.conditional_formatting for rule in rng.rules]
    fills = {colour: fill.fgColor.rgb for colour, (fill, _) in xlsx.RAG_STYLES.items()}
    label = {"not_started": "Not started", "in_progress": "In progress", "complete": "Complete"}[status]
    # The first rule that holds wins (each stops the others), as in Excel.
    shown = next((fill for fill, formula in rules if _excel(formula, label, due)), None)
    assert shown == fills.get(expected)
