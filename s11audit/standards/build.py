"""Building the immutable model (``model.py``) from a set's validated content.

Only ever called on content that passed the schema and the rules (``validation.py``), so it reads
keys without checking them again. Format 1 and format 2 content build the same model: what format 1
cannot say takes the value that keeps format 1 sets working as they always have (a standard may be
not applicable exactly when its scale allows it; no groups, criteria or extra scales).
"""

from __future__ import annotations

import datetime as dt

from s11audit.standards.model import (DEFAULT_PEER_OUTCOMES, DEFAULT_POSITION_LABELS, DEFAULT_STATEMENT, Criterion,
                                      GradeLevel, GradeRule, GradeScale, Group, Item, ItemType, NotApplicable,
                                      PeerOutcome, PeerOutcomeScale, Requirement, Signatory, SignOff, Standard,
                                      StandardKind, StandardsSet, StatementQuestions)

FORMAT_PREFIX = "s11audit-standards/"


def format_version(content: dict) -> int:
    return int(str(content.get("format", f"{FORMAT_PREFIX}1")).rsplit("/", 1)[-1])


def build_scale(scale: dict, scale_id: str = "grade_scale") -> GradeScale:
    level_ids = [level["id"] for level in scale["levels"]]
    below = scale.get("action_required_below")
    threshold = level_ids.index(below) if below else -1
    levels = tuple(
        GradeLevel(
            id=level["id"],
            label=level["label"],
            meaning=level["meaning"],
            colour=level["colour"],
            score=float(level.get("score", index + 1)),
            needs_action=bool(level.get("needs_action", False)) or index < threshold,
            requires=Requirement(level["requires"]) if "requires" in level else None,
        )
        for index, level in enumerate(scale["levels"])
    )
    na = scale.get("not_applicable")
    return GradeScale(
        name=scale["name"],
        levels=levels,
        meets=scale["meets"],
        not_applicable_allowed=na is not None,
        not_applicable_label=(na or {}).get("label", "Not applicable"),
        not_applicable_reason_required=bool((na or {}).get("reason_required", True)),
        id=scale_id,
        scored=all("score" in level for level in scale["levels"]),
    )


def scale_default(scale: GradeScale) -> NotApplicable:
    """What a standard may do about "not applicable" when its set does not say (format 1's rule)."""
    if not scale.not_applicable_allowed:
        return NotApplicable.NOT_ALLOWED
    return NotApplicable.REASON_REQUIRED if scale.not_applicable_reason_required else NotApplicable.ALLOWED


def _item(item: dict) -> Item:
    kind = ItemType(item["type"])
    return Item(
        id=item["id"],
        text=item["text"].strip(),
        type=kind,
        required=item.get("required", True),
        guidance=item.get("guidance", "").strip(),
        applies_to=frozenset(item.get("applies_to", [])),
        report_label=item.get("report_label", "").strip(),
        partly=item.get("partly", False),
        choices=tuple(item.get("choices", ())),
        min=item.get("min", 0 if kind is ItemType.PERCENTAGE else None),
        max=item.get("max", 100 if kind is ItemType.PERCENTAGE else None),
        unit=item.get("unit", ""),
        within=item.get("within", ""),
        headline=item.get("headline", False),
        directory=item.get("directory", ""),
    )


def _criterion(criterion: dict, scales: dict[str, GradeScale], standard_na: NotApplicable) -> Criterion:
    scale = scales[criterion.get("scale", "grade_scale")]
    return Criterion(
        id=criterion["id"],
        number=criterion.get("number", criterion["id"]),
        text=criterion["text"].strip(),
        scale=scale,
        descriptors={k: v.strip() for k, v in criterion["descriptors"].items()},
        not_applicable=NotApplicable(criterion.get("not_applicable", standard_na)),
        guidance=criterion.get("guidance", "").strip(),
        resources=criterion.get("resources", "").strip(),
        reference=criterion.get("reference", "").strip(),
        requires=Requirement(criterion["requires"]) if "requires" in criterion else None,
        applies_to=frozenset(criterion.get("applies_to", [])),
    )


def _standard(standard: dict, scales: dict[str, GradeScale]) -> Standard:
    kind = StandardKind(standard.get("kind", StandardKind.GRADED))
    default_na = scale_default(scales["grade_scale"]) if kind is StandardKind.GRADED else NotApplicable.NOT_ALLOWED
    not_applicable = NotApplicable(standard.get("not_applicable", default_na))
    return Standard(
        id=standard["id"],
        number=standard["number"],
        title=standard["title"].strip(),
        statutory_reference=standard.get("statutory_reference", "").strip(),
        intent=standard["intent"].strip(),
        guidance=standard.get("guidance", "").strip(),
        descriptors={k: v.strip() for k, v in standard.get("descriptors", {}).items()},
        items=tuple(_item(item) for item in standard.get("items", [])),
        applies_to=frozenset(standard.get("applies_to", [])),
        kind=kind,
        group=standard.get("group", ""),
        criteria=tuple(_criterion(c, scales, not_applicable) for c in standard.get("criteria", [])),
        grade_rule=GradeRule(standard.get("grade_from_criteria", GradeRule.CHOSEN)),
        not_applicable=not_applicable,
        headline=standard.get("headline", False),
    )


def _groups(content: dict) -> tuple[Group, ...]:
    members: dict[str, list[str]] = {}
    for standard in content["standards"]:
        members.setdefault(standard.get("group", ""), []).append(standard["id"])
    return tuple(Group(g["id"], g["title"].strip(), g.get("intro", "").strip(), tuple(members.get(g["id"], ())))
                 for g in content.get("groups", []))


def _peer_outcomes(content: dict) -> PeerOutcomeScale:
    outcomes = content.get("peer_outcomes")
    if outcomes is None:
        return DEFAULT_PEER_OUTCOMES
    return PeerOutcomeScale(
        outcomes.get("name", DEFAULT_PEER_OUTCOMES.name).strip(),
        tuple(PeerOutcome(o["id"], o["label"].strip(), o["meaning"].strip(), o["colour"], o["meets"])
              for o in outcomes["levels"]))


def statement_questions(content: dict) -> StatementQuestions:
    """What an annual compliance statement on the set asks: the set's ``statement``, each key it leaves out
    (or the whole section) as a set without one has it."""
    statement = content.get("statement")
    if statement is None:
        return DEFAULT_STATEMENT
    labels = statement.get("positions", {})
    default = DEFAULT_STATEMENT
    return StatementQuestions(
        declaration=statement.get("declaration", default.declaration).strip(),
        position_labels=tuple((key, labels.get(key, words).strip()) for key, words in DEFAULT_POSITION_LABELS.items()),
        ask_new_grade=statement.get("ask_new_grade", True),
        narrative_prompt=statement.get("narrative_prompt", default.narrative_prompt).strip(),
        action_progress_prompt=statement.get("action_progress_prompt", default.action_progress_prompt).strip(),
    )


def build_set(content: dict, content_hash: str) -> StandardsSet:
    """The model of a set from its resolved content (``based_on`` already resolved)."""
    scales = {"grade_scale": build_scale(content["grade_scale"])}
    scales.update({scale_id: build_scale(scale, scale_id) for scale_id, scale in content.get("scales", {}).items()})
    sign_off = content["sign_off"]
    return StandardsSet(
        id=content["id"],
        title=content["title"].strip(),
        version=content["version"],
        legal_basis=content["legal_basis"].strip(),
        effective_date=dt.date.fromisoformat(content["effective_date"]),
        organisation_kinds=tuple(content["organisation_kinds"]),
        grade_scale=scales["grade_scale"],
        sign_off=SignOff(
            declaration=sign_off["declaration"].strip(),
            signatories=tuple(Signatory(s["role"], s.get("required", True)) for s in sign_off["signatories"]),
        ),
        standards=tuple(_standard(s, scales) for s in content["standards"]),
        guidance=content.get("guidance", "").strip(),
        publisher=content.get("publisher", "").strip(),
        description=content.get("description", "").strip(),
        content_hash=content_hash,
        peer_outcomes=_peer_outcomes(content),
        content=content,
        groups=_groups(content),
        scales=scales,
        format_version=format_version(content),
        statement=statement_questions(content),
        return_evidence=content.get("return_evidence", "files"),
    )
