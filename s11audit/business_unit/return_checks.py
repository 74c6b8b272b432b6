"""What a verified return says, checked against the cycle's standards set before it is stored.

The signature proves who sent a return, not that its content makes sense: any key can sign, and
a workspace trusts the first key it sees for a reference. ``return.json``'s schema
(``returns/return.schema.json``) fixes its types and lengths; this module checks what only the set
can say: every standard, grade, item and answer belongs to the set and fits it. Findings, starting
files and peer audit days then never meet a grade or answer they cannot place.

For a format 2 set (``criteria``, information standards, N/A rules, multi-select items) it also
checks that every criterion is one of its standard's, graded on the criterion's own scale and
marked not applicable only where the set allows it; that a standard whose grade comes from its
criteria carries exactly the grade ``grading.derived_grade`` gives (anything else is a tampered or
inconsistent return); that information standards carry no grade; and that a multi-select answer is
a list of the item's choices, each once. The criteria checks are in :mod:`criteria_checks`.
"""

from __future__ import annotations

import re

from s11audit.business_unit.criteria_checks import criteria_problem, multi_choice_problem, standard_problem
from s11audit.safe_text import shown
from s11audit.standards import ItemType, StandardsSet
from s11audit.store.answers import AnswerError, normalise


def _same(a: object, b: object) -> bool:
    """Equal and of the same JSON kind (``True`` is not ``1``, ``"5"`` is not ``5``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


# A statement's evidence of an action's completion: "action:<index>" in the baseline return's action plan, or
# "action:<cycle>:<index>" in the action plan of the earlier statement (of that cycle) that set the action.
_ACTION_LINK = re.compile(r"action:(?:[^\x00-\x1f]{1,200}:)?(0|[1-9][0-9]{0,5})")

# Answers to one item repeat across thousands of returns ("yes", a date, a number): each distinct short
# answer is judged once per import. Long text and a full memo are judged every time, so memory stays bounded.
_MEMO_ENTRIES, _MEMO_TEXT = 100_000, 200


class ContentChecker:
    """Checks ``return.json`` content (already schema-valid) against one standards set."""

    def __init__(self, standards_set: StandardsSet):
        self.set = standards_set
        self.standards = {s.id for s in standards_set.standards}
        self.items = {i.id: i for s in standards_set.standards for i in s.items}
        self.criteria = {c.id: s.id for s in standards_set.standards for c in s.criteria}
        self._judged: dict[tuple, str | None] = {}
        self._grades = frozenset(level.id for level in standards_set.grade_scale.levels)

    @staticmethod
    def sample_refusal(content: dict, file_name: str) -> str | None:
        """Why the return of the app's sample audit is refused (``"sample": true``), or ``None``.

        Only a verified return is asked, and the key is inside the signed ``return.json``: it cannot be
        taken out (nor the SAMPLE organisation renamed) without breaking the signature, so there is no
        need to look for the sample's organisation name or reference as well.
        """
        if content.get("sample") is True:
            return f"{shown(file_name, 120)} is the app's sample audit, not a real return: it was not imported"
        return None

    @staticmethod
    def kind_refusal(content: dict, file_name: str, cycle_kind: str = "full", cycle_name: str = "") -> str | None:
        """Why the return's kind does not fit the cycle's kind, or ``None``.

        An annual compliance statement (``"kind": "compliance_statement"``) carries no grades of its own (it
        answers against its baseline audit), so taking it as a full return would count an organisation that
        graded nothing: it is imported only into a statement cycle, and a full self-assessment only into a
        full cycle. The reason names the cycle's kind.
        """
        cycle = f"cycle {cycle_name}" if cycle_name else "this cycle"
        statement = content.get("kind") == "compliance_statement"
        if statement and cycle_kind != "statement":
            return (f"{shown(file_name, 120)} is an annual compliance statement, not a full self-assessment: "
                    f"{cycle} is a full audit cycle, which takes only full self-assessments (import statements "
                    "into an annual compliance statement cycle); it was not imported")
        if not statement and cycle_kind == "statement":
            return (f"{shown(file_name, 120)} is a full self-assessment, not an annual compliance statement: "
                    f"{cycle} is an annual compliance statement cycle, which takes only statements (import full "
                    "self-assessments into a full audit cycle); it was not imported")
        return None

    def problem(self, content: dict) -> str | None:
        """The first thing in the content that does not fit the set, as a sentence, or ``None``."""
        org_type = str((content.get("organisation") or {}).get("org_type") or "")
        statement = content.get("kind") == "compliance_statement"
        return (self._standards(content["standards"], org_type) or self._answers(content["item_answers"])
                or self._actions(content["action_plan"])
                or (self._statement(content.get("statement") or {}) if statement else None)
                or self._evidence(content["evidence"], statement))

    def _statement(self, statement: dict) -> str | None:
        """A statement's answers (schema-checked already): every standard once and of the set, every new
        grade on that standard's scale, every baseline action's standard of the set."""
        seen: set[str] = set()
        for index, entry in enumerate(statement.get("standards") or []):
            where = f"statement.standards[{index}]"
            sid = entry["standard_id"]
            problem = self._standard(f"{where}.standard_id", sid)
            if problem:
                return problem
            if sid in seen:
                return f"return.json: {where} gives standard {shown(sid, 60)} a second time"
            seen.add(sid)
            grade = entry.get("new_grade")
            levels = [level.id for level in self.set.scale_of(sid).levels]
            if grade is not None and grade not in levels:
                return (f"return.json: {where}.new_grade is {shown(grade, 60)}, which is not a grade of standard "
                        f"{shown(sid, 60)}'s scale ({', '.join(levels)})")
        for index, entry in enumerate(statement.get("action_progress") or []):
            problem = self._standard(f"statement.action_progress[{index}].baseline_action.standard_id",
                                     entry["baseline_action"]["standard_id"])
            if problem:
                return problem
        return None

    def _standard(self, where: str, standard_id: str) -> str | None:
        if standard_id not in self.standards:
            return f"return.json: {where} is {shown(standard_id, 60)}, which is not a standard of {self.set.id}"
        return None

    def _standards(self, entries: list[dict], org_type: str = "") -> str | None:
        seen: set[str] = set()
        scale = self.set.grade_scale
        for index, entry in enumerate(entries):
            where = f"standards[{index}]"
            sid = entry["standard_id"]
            problem = self._standard(f"{where}.standard_id", sid)
            if problem:
                return problem
            if sid in seen:
                return f"return.json: {where} gives standard {shown(sid, 60)} a second time"
            seen.add(sid)
            grade = entry.get("grade")
            if grade is not None and grade not in self._grades:
                return (f"return.json: {where}.grade is {shown(grade, 60)}, which is not a grade of the set's scale "
                        f"({', '.join(level.id for level in scale.levels)})")
            standard = self.set.standard(sid)
            problem = (standard_problem(self.set, standard, entry, where)
                       or criteria_problem(self.set, standard, entry, where, org_type))
            if problem:
                return problem
        return None

    def _answers(self, entries: list[dict]) -> str | None:
        seen: set[str] = set()
        judged, items = self._judged, self.items
        for index, entry in enumerate(entries):  # (words are made only for a problem: this runs 10,000s of times)
            item = items.get(entry["item_id"])
            if item is None:
                return (f"return.json: item_answers[{index}].item_id is {shown(entry['item_id'], 60)}, which is not "
                        f"an item of {self.set.id}")
            if item.id in seen:
                return f"return.json: item_answers[{index}] answers item {item.id} a second time"
            seen.add(item.id)
            value = entry["value"]
            if value is None or (isinstance(value, str) and not value.strip()):
                continue  # no answer
            if item.type is ItemType.MULTI_CHOICE:
                problem = multi_choice_problem(item, value, f"return.json: item_answers[{index}]")
                if problem:
                    return problem
                continue
            try:  # a short answer judged before (the memo of _answer_problem), without the call
                known = (item.id, type(value), value) in judged
            except TypeError:  # a list or object: not kept in the memo
                known = False
            problem = judged[(item.id, type(value), value)] if known else self._answer_problem(item, value)
            if problem:
                return f"return.json: item_answers[{index}]: {problem}"
        return None

    def _answer_problem(self, item, value: object) -> str | None:
        """Why a (non-empty, single) answer does not fit its item, or ``None``; short answers are judged once."""
        if item.type is ItemType.TEXT and isinstance(value, str):
            return None  # text is kept as it is
        memo = isinstance(value, (str, int, float)) and (not isinstance(value, str) or len(value) <= _MEMO_TEXT)
        key = (item.id, type(value), value) if memo else None
        if key is not None and key in self._judged:
            return self._judged[key]
        try:
            fits = _same(normalise(item, value, self.set.grade_scale), value)
            problem = None if fits else (f"the answer {shown(value, 60)} is not in the form item {item.id} "
                                         f"({item.type.value}) takes")
        except (AnswerError, TypeError, ValueError, OverflowError) as exc:
            problem = f"the answer {shown(value, 60)} does not fit item {item.id} ({exc})"
        if key is not None and len(self._judged) < _MEMO_ENTRIES:
            self._judged[key] = problem
        return problem

    def _actions(self, entries: list[dict]) -> str | None:
        for index, entry in enumerate(entries):
            problem = self._standard(f"action_plan[{index}].standard_id", entry["standard_id"])
            if problem:
                return problem
            problem = self._criterion_of(f"action_plan[{index}].criterion_id", entry.get("criterion_id"),
                                         entry["standard_id"])
            if problem:
                return problem
        return None

    def _criterion_of(self, where: str, criterion_id: object, standard_id: str) -> str | None:
        """A criterion id (optional) must be a criterion of the standard it sits under."""
        if criterion_id is None or criterion_id == "":
            return None
        if not isinstance(criterion_id, str) or self.criteria.get(criterion_id) != standard_id:
            return (f"return.json: {where} is {shown(criterion_id, 60)}, which is not a criterion of standard "
                    f"{shown(standard_id, 60)} in {self.set.id}")
        return None

    def _evidence(self, entries: list[dict], statement: bool = False) -> str | None:
        """Evidence links: of the set's standards and items (or criteria); a statement's evidence of an
        action's completion is linked to ``action:<index>`` (the baseline action's index) or
        ``action:<cycle>:<index>`` (an action an earlier statement set)."""
        for index, entry in enumerate(entries):
            for number, link in enumerate(entry.get("links") or []):
                where = f"evidence[{index}].links[{number}]"
                problem = self._standard(f"{where}.standard_id", link["standard_id"])
                if problem:
                    return problem
                item_id = link.get("item_id")
                if statement and isinstance(item_id, str) and _ACTION_LINK.fullmatch(item_id):
                    continue
                if item_id is not None and item_id in self.criteria:  # evidence for one criterion (format 2)
                    problem = self._criterion_of(f"{where}.item_id", item_id, link["standard_id"])
                    if problem:
                        return problem
                elif item_id is not None and item_id not in self.items:
                    return (f"return.json: {where}.item_id is {shown(item_id, 60)}, which is not an item of "
                            f"{self.set.id}")
        return None
