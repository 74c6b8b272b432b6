"""The rules of a standards set that a JSON schema cannot say, for format 1 and format 2.

Only run on content the schema found valid (every key has its type, ids are short text). Each
problem names the place (a path the caller turns into a line number) and says how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from s11audit.organisations import TYPES_BY_ID
from s11audit.safe_text import shown
from s11audit.standards.model import DEFAULT_POSITION_LABELS

Add = Callable[[list[Any], str], None]

_KINDS_NAMED = 3  # the format 2 features named in the message about a format 1 file; the rest are counted

# What only format 2 may hold: (where, key) -> what it is, for the message.
_V2_TOP = {"scales": "extra grade scales", "groups": "groups (parts or sections)"}
_V2_STANDARD = {"kind": "information sections", "group": "'group' on a standard", "criteria": "graded criteria",
                "grade_from_criteria": "grades derived from criteria",
                "not_applicable": "a not-applicable rule on a standard"}
FORMAT_2 = "s11audit-standards/2"


def _scale_rules(add: Add, path: list[Any], scale: dict) -> list[str]:
    """Level ids unique, references to levels, scores increasing and given for all or none."""
    level_ids = [level["id"] for level in scale["levels"]]
    levels = shown(", ".join(level_ids), 200)
    seen: set[str] = set()
    for index, level_id in enumerate(level_ids):
        if level_id in seen:
            add([*path, "levels", index, "id"], f"grade level id {level_id!r} is used twice")
        seen.add(level_id)
    for ref in ("meets", "action_required_below"):
        if ref in scale and scale[ref] not in level_ids:
            add([*path, ref], f"{ref} names {scale[ref]!r}, which is not a level of the scale ({levels})")
    _score_rules(add, path, scale["levels"])
    return level_ids


def _score_rules(add: Add, path: list[Any], levels: list[dict]) -> None:
    """Scores given for every level or none, and increasing from the lowest level to the highest."""
    scores = [level.get("score") for level in levels]
    given = [s for s in scores if s is not None]
    if given and len(given) != len(scores):
        missing = [index for index, level in enumerate(levels) if "score" not in level]
        add([*path, "levels", missing[0]], _missing_scores(levels, missing))
    elif given and any(b <= a for a, b in pairwise(given)):  # here every level has a score: given == scores
        add([*path, "levels"], "scores must increase from the lowest level (listed first) to the highest")


def _missing_scores(levels: list[dict], missing: list[int]) -> str:
    scored = [level["id"] for level in levels if "score" in level]
    names = shown(", ".join(repr(levels[index]["id"]) for index in missing), 120)
    return (f"level{'s' if len(missing) > 1 else ''} {names} {'have' if len(missing) > 1 else 'has'} no score, but "
            f"{shown(', '.join(map(repr, scored)), 120)} {'have' if len(scored) > 1 else 'has'} one; give every level "
            "a score (score: 1), or none")


def _outcome_rules(add: Add, outcomes: dict) -> None:
    seen: set[str] = set()
    for index, outcome in enumerate(outcomes["levels"]):
        if outcome["id"] in seen:
            add(["peer_outcomes", "levels", index, "id"], f"peer outcome id {outcome['id']!r} is used twice")
        seen.add(outcome["id"])
    meets = [bool(outcome["meets"]) for outcome in outcomes["levels"]]
    if all(meets) or not any(meets):
        add(["peer_outcomes", "levels"], "at least one peer outcome must meet the standard (meets: true) and "
                                         "at least one must not (meets: false)")


def _statement_rules(add: Add, statement: dict) -> None:
    """The three positions a statement offers must read differently (the defaults fill those not given)."""
    given = statement.get("positions", {})
    labels = {key: given.get(key, default) for key, default in DEFAULT_POSITION_LABELS.items()}
    seen: dict[str, str] = {}
    for key, label in labels.items():
        folded = " ".join(label.split()).casefold()
        if folded in seen:
            where = ["statement", "positions", key if key in given else seen[folded]]
            add(where, f"the statement positions {seen[folded]!r} and {key!r} both read "
                       f"{shown(label, 60)!r}; give each its own words")
        seen.setdefault(folded, key)


def _format_rules(add: Add, data: dict) -> None:
    """Format 2 constructs in a format 1 file: each kind once, at its first use, with what to change."""
    if data.get("format") == FORMAT_2:
        return
    found: dict[str, tuple[list[Any], int]] = {}  # what -> (first place, how many)

    def use(what: str, path: list[Any]) -> None:
        first, count = found.get(what, (path, 0))
        found[what] = (first, count + 1)

    for key, what in _V2_TOP.items():
        if key in data:
            use(what, [key])
    for s_index, standard in enumerate(data.get("standards", [])):
        for key, what in _V2_STANDARD.items():
            if key in standard:
                use(what, ["standards", s_index, key])
        for i_index, item in enumerate(standard.get("items", [])):
            if item["type"] == "multi_choice":
                use("multi-choice items", ["standards", s_index, "items", i_index, "type"])
            if "within" in item:
                use("'within' on a date", ["standards", s_index, "items", i_index, "within"])
    if found:  # one problem, as one line fixes them all: at the first use, naming every kind used
        first = next(iter(found.values()))[0]
        named = list(found)
        kinds = "; ".join(named[:_KINDS_NAMED]) + (f"; and {len(named) - _KINDS_NAMED} more"
                                                   if len(named) > _KINDS_NAMED else "")
        add(first, f"this file uses what only format 2 has ({kinds}), but says format 1: write "
                   f"'format: {FORMAT_2}' at the top")


def _descriptor_rules(add: Add, path: list[Any], descriptors: dict, level_ids: list[str], required: bool) -> None:
    described = set(descriptors)
    levels = shown(", ".join(level_ids), 200)
    if required or described:
        for missing in [lid for lid in level_ids if lid not in described]:
            add([*path, "descriptors"], f"no descriptor for grade {missing!r} (every level of the scale needs one)")
    for extra in sorted(described - set(level_ids)):
        add([*path, "descriptors", extra], f"descriptor for {extra!r}, which is not a level of the scale ({levels})")


class _SetRules:
    """The rules for one set's content; ``add(path, message)`` collects each problem."""

    def __init__(self, data: dict, add: Add):
        self.data, self.add = data, add
        self.kinds = set(data.get("organisation_kinds", []))
        self.scales: dict[str, list[str]] = {}
        self.scored: dict[str, bool] = {}
        self.ids: dict[str, tuple[str, str]] = {}  # every standard, criterion and item id -> (what, its standard)
        self.directory: dict[str, str] = {}  # an item's place in the list of DSLs -> the item's id
        self.standard = ""

    def check(self) -> None:
        data, add = self.data, self.add
        _format_rules(add, data)
        for scale_id, scale in [("grade_scale", data.get("grade_scale")), *data.get("scales", {}).items()]:
            if scale:
                path = ["grade_scale"] if scale_id == "grade_scale" else ["scales", scale_id]
                self.scales[scale_id] = _scale_rules(add, path, scale)
                self.scored[scale_id] = all("score" in level for level in scale["levels"])
        if data.get("peer_outcomes"):
            _outcome_rules(add, data["peer_outcomes"])
        if data.get("statement"):
            _statement_rules(add, data["statement"])
        self._group_rules()
        for s_index, standard in enumerate(data.get("standards", [])):
            self._standard(["standards", s_index], standard)

    def _applies(self, path: list[Any], applies: list[str]) -> None:
        for type_id in applies:
            if TYPES_BY_ID[type_id].kind not in self.kinds:
                self.add([*path, "applies_to"], f"applies to {type_id!r}, which is not a type of organisation this "
                                                f"set is for ({', '.join(sorted(self.kinds))})")

    def _unique(self, path: list[Any], identifier: str, what: str) -> None:
        if identifier not in self.ids:
            self.ids[identifier] = (what, self.standard)
            return
        other, standard = self.ids[identifier]
        if other == what == "standard":
            message = f"standard id {identifier!r} is used twice"
        elif other == what:
            message = f"{what} id {identifier!r} is already used in standard {standard!r}"
        else:
            message = (f"{what} id {identifier!r} is already used by {other} {identifier!r}"
                       + (f" of standard {standard!r}" if other != "standard" else "")
                       + "; ids of standards, criteria and items must all differ")
        self.add([*path, "id"], message)

    def _group_rules(self) -> None:
        groups = self.data.get("groups")
        if not groups:
            return
        known: dict[str, int] = {}
        for index, group in enumerate(groups):
            if group["id"] in known:
                self.add(["groups", index, "id"], f"group id {group['id']!r} is used twice")
            known.setdefault(group["id"], index)
        seen: list[str] = []
        for s_index, standard in enumerate(self.data.get("standards", [])):
            group = standard.get("group")
            path = ["standards", s_index]
            if group is None:
                self.add(path, "names no group; when a set has groups, every standard says which it is in "
                               f"(group: {groups[0]['id']})")
            elif group not in known:
                self.add([*path, "group"], f"group {group!r} is not one of the set's groups "
                                           f"({shown(', '.join(known), 200)}); correct it, or add it under groups:")
            elif seen and seen[-1] != group and group in seen:
                self.add([*path, "group"], f"the standards of group {group!r} must be listed together; this one "
                                           "comes after standards of another group: move it up beside the others")
            if group is not None and (not seen or seen[-1] != group):
                seen.append(group)

    def _standard(self, path: list[Any], standard: dict) -> None:
        self.standard = standard["id"]
        self._unique(path, standard["id"], "standard")
        self._applies(path, standard.get("applies_to", []))
        criteria = standard.get("criteria", [])
        information = standard.get("kind") == "information"
        if information:
            for key in ("descriptors", "criteria", "grade_from_criteria", "not_applicable"):
                if key in standard:
                    self.add([*path, key], f"an information section is not graded, so it has no {key!r}: remove "
                                           f"{key!r}, or remove 'kind: information' to grade the standard")
            if not standard.get("items"):
                self.add(path, "an information section needs items to fill in")
        elif "grade_scale" in self.scales:
            _descriptor_rules(self.add, path, standard.get("descriptors", {}), self.scales["grade_scale"],
                              required=not criteria)
        self._rule_rules(path, standard, criteria)
        for c_index, criterion in enumerate(criteria):
            self._criterion([*path, "criteria", c_index], criterion)
        for i_index, item in enumerate(standard.get("items", [])):
            self._item([*path, "items", i_index], item)

    def _rule_rules(self, path: list[Any], standard: dict, criteria: list[dict]) -> None:
        rule = standard.get("grade_from_criteria")
        if rule is None:
            return
        if not criteria:
            self.add([*path, "grade_from_criteria"], "grade_from_criteria needs criteria to derive the grade from: add "
                                                     "criteria to this standard, or remove grade_from_criteria")
            return
        scales = {criterion.get("scale", "grade_scale") for criterion in criteria}
        if rule in ("lowest", "most_common") and scales != {"grade_scale"}:
            self.add([*path, "grade_from_criteria"], f"{rule!r} needs every criterion graded on the set's own grade "
                                                     "scale; use 'mean_score' for criteria scored on other scales")
        if rule == "mean_score":
            unscored = sorted(s for s in scales | {"grade_scale"} if not self.scored.get(s, True))
            if unscored:
                self.add([*path, "grade_from_criteria"], f"'mean_score' needs a score on every level of "
                                                         f"{shown(', '.join(unscored), 120)}: give each level a "
                                                         "score (score: 1), or use grade_from_criteria: chosen")

    def _criterion(self, path: list[Any], criterion: dict) -> None:
        self._unique(path, criterion["id"], "criterion")
        self._applies(path, criterion.get("applies_to", []))
        scale_id = criterion.get("scale", "grade_scale")
        if scale_id not in self.scales:
            named = [s for s in self.scales if s != "grade_scale"]
            self.add([*path, "scale"], f"scale {scale_id!r} is not one of the set's scales "
                                       f"({shown(', '.join(named) or 'none under scales:', 200)}); leave 'scale' "
                                       "out to grade the criterion on the set's grade_scale")
            return
        _descriptor_rules(self.add, path, criterion["descriptors"], self.scales[scale_id], required=True)

    def _item(self, path: list[Any], item: dict) -> None:
        self._unique(path, item["id"], "item")
        self._applies(path, item.get("applies_to", []))
        if "min" in item and "max" in item and item["min"] > item["max"]:
            self.add([*path, "min"], f"min {item['min']} is greater than max {item['max']}")
        role = item.get("directory")
        if role:
            if role in self.directory:
                self.add([*path, "directory"], f"directory {role!r} is already given by item {self.directory[role]!r}; "
                                               "each detail of the safeguarding team is asked once")
            else:
                self.directory[role] = item["id"]


def set_rule_problems(data: dict, add: Add) -> None:
    """Check ``data`` (schema-valid set content) and ``add(path, message)`` each problem found."""
    _SetRules(data, add).check()
