"""The in-memory shape of a standards set: immutable, built only by the loader after validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


# What an item may ask for the list of DSLs (its ``directory``; business_unit.dsl_directory).
DIRECTORY_ROLES = ("dsl_name", "dsl_email", "dsl_telephone", "dsl_trained", "deputies_count",
                   *tuple(f"deputy_{n}_{detail}" for n in (1, 2)
                          for detail in ("name", "email", "telephone", "trained")))


class ItemType(StrEnum):
    GRADED = "graded"
    YES_NO = "yes_no"
    NUMBER = "number"
    PERCENTAGE = "percentage"
    DATE = "date"
    TEXT = "text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"  # tick all that apply (format 2)


class StandardKind(StrEnum):
    """A standard is graded, or an information section: fields to fill in, never graded (format 2)."""

    GRADED = "graded"
    INFORMATION = "information"


class NotApplicable(StrEnum):
    """Whether a standard or criterion may be marked not applicable (format 2; format 1 follows the scale)."""

    ALLOWED = "allowed"
    NOT_ALLOWED = "not_allowed"
    REASON_REQUIRED = "reason_required"


class GradeRule(StrEnum):
    """How a standard with graded criteria gets its own grade (format 2)."""

    CHOSEN = "chosen"            # the organisation chooses it, with its criteria's grades shown
    LOWEST = "lowest"            # the lowest grade of its criteria
    MOST_COMMON = "most_common"  # the grade most of its criteria have (a tie goes to the lower)
    MEAN_SCORE = "mean_score"    # the mean of its criteria's scores, rounded to the nearest level


class Requirement(StrEnum):
    """What a grade level needs before it may be chosen."""

    EVIDENCE = "evidence"
    EXAMPLE = "example"


@dataclass(frozen=True)
class GradeLevel:
    id: str
    label: str
    meaning: str
    colour: str
    score: float
    needs_action: bool
    requires: Requirement | None


@dataclass(frozen=True)
class GradeScale:
    name: str
    levels: tuple[GradeLevel, ...]  # lowest first
    meets: str
    not_applicable_allowed: bool
    not_applicable_label: str
    not_applicable_reason_required: bool
    id: str = "grade_scale"  # the set's own scale; other scales are named in the set's ``scales``
    scored: bool = False  # every level gives a ``score``: a % score per standard and overall

    def percent(self, level_id: str) -> float:
        """A level's place from 0 (the lowest) to 100 (the highest), by score."""
        low, high = self.levels[0].score, self.levels[-1].score
        return 100.0 if high == low else 100.0 * (self.level(level_id).score - low) / (high - low)

    def level(self, level_id: str) -> GradeLevel:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)

    def has_level(self, level_id: str) -> bool:
        return any(level.id == level_id for level in self.levels)

    def rank(self, level_id: str) -> int:
        """Position of a level, 0 for the lowest."""
        return [level.id for level in self.levels].index(level_id)

    def meets_standard(self, level_id: str) -> bool:
        return self.rank(level_id) >= self.rank(self.meets)


@dataclass(frozen=True)
class PeerOutcome:
    """One outcome a peer audit day can give a standard (e.g. "Met with recommendations")."""

    id: str
    label: str
    meaning: str
    colour: str
    meets: bool  # whether this outcome counts as meeting the standard


@dataclass(frozen=True)
class PeerOutcomeScale:
    """The outcomes of a peer audit day, in the order they are shown (the set's ``peer_outcomes``)."""

    name: str
    levels: tuple[PeerOutcome, ...]

    def level(self, outcome_id: str) -> PeerOutcome:
        for level in self.levels:
            if level.id == outcome_id:
                return level
        raise KeyError(outcome_id)

    def has_level(self, outcome_id: str) -> bool:
        return any(level.id == outcome_id for level in self.levels)

    def meets_standard(self, outcome_id: str) -> bool:
        return self.level(outcome_id).meets


# The scale a set without ``peer_outcomes`` gets: the outcomes of the Staffordshire challenge day.
DEFAULT_PEER_OUTCOMES = PeerOutcomeScale("Peer audit outcome", (
    PeerOutcome("met", "Met", "The standard is met and the evidence stood up to challenge.", "#27AE60", True),
    PeerOutcome("met_with_recommendations", "Met with recommendations",
                "The standard is met, with recommendations from the challenge group.", "#F1C40F", True),
    PeerOutcome("not_met", "Not met", "The evidence did not show that the standard is met.", "#C0392B", False),
))


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    type: ItemType
    required: bool = True
    guidance: str = ""
    applies_to: frozenset[str] = frozenset()
    report_label: str = ""
    partly: bool = False
    choices: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    unit: str = ""
    within: str = ""  # date items: how recent the date must be ("P12M", "P3Y", "academic_year")
    headline: bool = False  # a default headline measure of the annual report summary
    directory: str = ""  # its place in the list of DSLs (business_unit.dsl_directory.ROLES), or ""

    def applies(self, organisation_type: str) -> bool:
        return not self.applies_to or organisation_type in self.applies_to

    @property
    def label(self) -> str:
        return self.report_label or self.text


@dataclass(frozen=True)
class Criterion:
    """One criterion of a standard graded on its own, with its own descriptors (format 2)."""

    id: str
    number: str
    text: str
    scale: GradeScale
    descriptors: dict[str, str]
    not_applicable: NotApplicable
    guidance: str = ""
    resources: str = ""  # where to find help (Bristol's "Resources" column)
    reference: str = ""  # a cross-reference, e.g. to the health audit
    requires: Requirement | None = None  # grading it at all needs evidence, or an example
    applies_to: frozenset[str] = frozenset()

    def applies(self, organisation_type: str) -> bool:
        return not self.applies_to or organisation_type in self.applies_to

    @property
    def heading(self) -> str:
        return f"{self.number} {self.text}" if self.number else self.text


@dataclass(frozen=True)
class Group:
    """A part or section of a set holding standards (format 2), e.g. "Part 2a: the DSL"."""

    id: str
    title: str
    intro: str
    standard_ids: tuple[str, ...]


@dataclass(frozen=True)
class Standard:
    id: str
    number: str
    title: str
    statutory_reference: str
    intent: str
    guidance: str
    descriptors: dict[str, str]
    items: tuple[Item, ...]
    applies_to: frozenset[str] = frozenset()
    kind: StandardKind = StandardKind.GRADED
    group: str = ""
    criteria: tuple[Criterion, ...] = ()
    grade_rule: GradeRule = GradeRule.CHOSEN
    not_applicable: NotApplicable = NotApplicable.NOT_ALLOWED
    headline: bool = False  # a default headline measure of the annual report summary

    def applies(self, organisation_type: str) -> bool:
        return not self.applies_to or organisation_type in self.applies_to

    def items_for(self, organisation_type: str) -> list[Item]:
        return [item for item in self.items if item.applies(organisation_type)]

    def criteria_for(self, organisation_type: str) -> list[Criterion]:
        return [criterion for criterion in self.criteria if criterion.applies(organisation_type)]

    @property
    def graded(self) -> bool:
        return self.kind is StandardKind.GRADED

    @property
    def derived(self) -> bool:
        """Its grade comes from its criteria by the set's rule, not from a choice."""
        return bool(self.criteria) and self.grade_rule is not GradeRule.CHOSEN

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class Signatory:
    role: str
    required: bool = True


@dataclass(frozen=True)
class SignOff:
    declaration: str
    signatories: tuple[Signatory, ...]


# What the signatories of an annual compliance statement declare when its set says nothing of its own:
# the declaration every statement return carried before sets could give one.
DEFAULT_STATEMENT_DECLARATION = (
    "We confirm that this annual compliance statement is an accurate account of how our organisation's "
    "safeguarding arrangements have changed since the baseline self-assessment it names, and of the progress "
    "of each action of that self-assessment's action plan that was still open. It has been agreed by senior "
    "leaders, and the evidence referred to in it is held by the organisation and will be made available to "
    "the safeguarding children partnership on request.")
# A statement's answer on a standard, in the order offered, with its words when the set gives none.
STATEMENT_POSITIONS = ("same", "improved", "declined")
DEFAULT_POSITION_LABELS = {"same": "Still as at the baseline", "improved": "Improved", "declined": "Declined"}
DEFAULT_NARRATIVE_PROMPT = "What changed:"
DEFAULT_ACTION_PROGRESS_PROMPT = "Give each one's progress this year."


@dataclass(frozen=True)
class StatementQuestions:
    """What an annual compliance statement on this set asks (the set's ``statement``; issue 16): per standard
    the baseline graded, a position (``same``, ``improved`` or ``declined``, in the set's words), what
    changed when it changed (``narrative_prompt``) and, if ``ask_new_grade``, an optional new grade; per
    open baseline action its progress (``action_progress_prompt``); and the declaration its signatories sign."""

    declaration: str = DEFAULT_STATEMENT_DECLARATION
    position_labels: tuple[tuple[str, str], ...] = tuple(DEFAULT_POSITION_LABELS.items())
    ask_new_grade: bool = True
    narrative_prompt: str = DEFAULT_NARRATIVE_PROMPT
    action_progress_prompt: str = DEFAULT_ACTION_PROGRESS_PROMPT

    @property
    def positions(self) -> dict[str, str]:
        """Each position (same, improved, declined) and its words, in the order offered."""
        return dict(self.position_labels)

    def position_label(self, position: str) -> str:
        return self.positions.get(position, position)

    @property
    def default_positions(self) -> bool:
        return self.positions == DEFAULT_POSITION_LABELS

    def position_question(self) -> str:
        """The question a position answers, to end a sentence: "say whether it is still as at the baseline,
        improved or declined" in the default words; "choose" and the set's own words, quoted, otherwise."""
        if self.default_positions:
            same, improved, declined = (label.lower() for label in DEFAULT_POSITION_LABELS.values())
            return f"say whether it is {same}, {improved} or {declined}"
        same, improved, declined = (f"\u201c{label}\u201d" for label in self.positions.values())
        return f"choose {same}, {improved} or {declined}"


DEFAULT_STATEMENT = StatementQuestions()


@dataclass(frozen=True)
class StandardsSet:
    id: str
    title: str
    version: str
    legal_basis: str
    effective_date: dt.date
    organisation_kinds: tuple[str, ...]
    grade_scale: GradeScale
    sign_off: SignOff
    standards: tuple[Standard, ...]
    guidance: str = ""
    publisher: str = ""
    description: str = ""
    content_hash: str = ""
    peer_outcomes: PeerOutcomeScale = DEFAULT_PEER_OUTCOMES
    # The resolved content as plain data: what an audit's snapshot stores.
    content: dict = field(default_factory=dict, compare=False, repr=False)
    groups: tuple[Group, ...] = ()
    scales: dict[str, GradeScale] = field(default_factory=dict, compare=False, repr=False)
    format_version: int = 1
    statement: StatementQuestions = DEFAULT_STATEMENT  # what an annual compliance statement on it asks
    # What a signed return carries of the evidence: "files" (the files), "list" (each file described, not
    # its content) or "none" (issue 17; the set's optional ``return_evidence``).
    return_evidence: str = "files"

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    @property
    def display_name(self) -> str:
        return f"{self.title} (version {self.version})"

    def standard(self, standard_id: str) -> Standard:
        for standard in self.standards:
            if standard.id == standard_id:
                return standard
        raise KeyError(standard_id)

    def item(self, item_id: str) -> Item:
        for standard in self.standards:
            for item in standard.items:
                if item.id == item_id:
                    return item
        raise KeyError(item_id)

    def criterion(self, criterion_id: str) -> Criterion:
        for standard in self.standards:
            for criterion in standard.criteria:
                if criterion.id == criterion_id:
                    return criterion
        raise KeyError(criterion_id)

    def standard_of_criterion(self, criterion_id: str) -> Standard:
        for standard in self.standards:
            if any(criterion.id == criterion_id for criterion in standard.criteria):
                return standard
        raise KeyError(criterion_id)

    def is_criterion(self, target_id: str) -> bool:
        return any(c.id == target_id for s in self.standards for c in s.criteria)

    def scale_of(self, target_id: str) -> GradeScale:
        """The scale a standard or criterion is graded on."""
        for standard in self.standards:
            if standard.id == target_id:
                return self.grade_scale
            for criterion in standard.criteria:
                if criterion.id == target_id:
                    return criterion.scale
        raise KeyError(target_id)

    def group(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    @property
    def has_criteria(self) -> bool:
        return any(standard.criteria for standard in self.standards)

    def standard_of_item(self, item_id: str) -> Standard:
        for standard in self.standards:
            if any(item.id == item_id for item in standard.items):
                return standard
        raise KeyError(item_id)

    def standards_for(self, organisation_type: str) -> list[Standard]:
        return [s for s in self.standards if s.applies(organisation_type)]
