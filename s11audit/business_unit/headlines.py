"""The business unit's details and each cycle's headline measures (workspace schema 0006).

**Details** (:class:`WorkspaceSettings`): the business unit's name (letters, report titles, PDF
author) and the signature block of its letters (a line each: name, role, ...).

**Headline measures** (:class:`Measure`): what a board publishes in its annual report summary, chosen
per cycle and kept in the order chosen: a graded standard (% meeting), an item with a single figure
(yes/no, graded, date, percentage) or one option of a choice or multi-choice item (% choosing or
ticking it). Each may carry the board's own wording ("have accessed early help training"). A cycle
with none chosen uses its set's defaults (``headline: true`` on a standard or item; a choice item's
first option). Ids on the command line: a standard's or item's id, and ``ITEM=N`` for the N-th
option of a choice item (:func:`parse_measure`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from s11audit.business_unit.models import HeadlineMeasure, WorkspaceSetting
from s11audit.business_unit.workspace import Workspace
from s11audit.standards import ItemType, StandardsSet

STANDARD, ITEM, OPTION = "standard", "item", "option"
KINDS = (STANDARD, ITEM, OPTION)
_CHOICE_TYPES = (ItemType.CHOICE, ItemType.MULTI_CHOICE)
_FIGURE_TYPES = (ItemType.YES_NO, ItemType.GRADED, ItemType.DATE, ItemType.PERCENTAGE)
MAX_MEASURES = 30
MAX_TEXT = 500
_NAME, _SIGNATURE = "business_unit_name", "signature"
DEFAULT_NAME = "The safeguarding children partnership business unit"


@dataclass(frozen=True)
class WorkspaceSettings:
    business_unit: str = ""  # "" when not given: letters use DEFAULT_NAME
    signature: tuple[str, ...] = ()  # the signature block of letters, a line each (name, role, ...)

    @property
    def name_or_default(self) -> str:
        return self.business_unit or DEFAULT_NAME


@dataclass(frozen=True)
class Measure:
    """One headline measure: a standard, an item or an option of an item, with the board's wording."""

    kind: str  # STANDARD, ITEM or OPTION
    target_id: str
    option: str = ""
    wording: str = ""

    @property
    def key(self) -> str:
        """How the measure is named on the command line and compared (wording aside)."""
        return f"{self.target_id}={self.option}" if self.kind == OPTION else self.target_id


@dataclass(frozen=True)
class MeasureChoice:
    """A measure a cycle's set offers, with its label for lists and dialogs."""

    measure: Measure
    label: str
    default: bool  # marked ``headline: true`` in the set


# --- details ---------------------------------------------------------------------------------------

def settings(workspace: Workspace) -> WorkspaceSettings:
    values = dict(workspace.session.execute(select(WorkspaceSetting.key, WorkspaceSetting.value)).all())
    signature = tuple(line for line in values.get(_SIGNATURE, "").split("\n") if line.strip())
    return WorkspaceSettings(values.get(_NAME, ""), signature)


def _clean(text: str, what: str, workspace: Workspace) -> str:
    text = " ".join(str(text).split())
    if len(text) > MAX_TEXT:
        raise workspace.refusal(f"the {what} is {len(text):,} characters long; at most {MAX_TEXT} are allowed.")
    return text


def set_settings(workspace: Workspace, business_unit: str | None = None,
                 signature: list[str] | tuple[str, ...] | None = None) -> WorkspaceSettings:
    """Change the business unit's name and/or signature block (``None`` leaves it as it is)."""
    values = {}
    if business_unit is not None:
        values[_NAME] = _clean(business_unit, "business unit's name", workspace)
    if signature is not None:
        lines = [_clean(line, "signature line", workspace) for line in signature]
        values[_SIGNATURE] = "\n".join(line for line in lines if line)
    with workspace.change() as session:
        for key, value in values.items():
            row = session.get(WorkspaceSetting, key)
            if row is None:
                session.add(WorkspaceSetting(key=key, value=value))
            else:
                row.value = value
    return settings(workspace)


# --- the measures a set offers ---------------------------------------------------------------------

def choices(standards_set: StandardsSet) -> list[MeasureChoice]:
    """Every measure the set offers, in the set's order (a standard, then its items and options)."""
    found = []
    for standard in standards_set.standards:
        if standard.graded:
            found.append(MeasureChoice(Measure(STANDARD, standard.id), f"Standard {standard.heading}",
                                       standard.headline))
        for item in standard.items:
            if item.type in _FIGURE_TYPES:
                found.append(MeasureChoice(Measure(ITEM, item.id), f"{item.id} {item.label}", item.headline))
            elif item.type in _CHOICE_TYPES:
                found += [MeasureChoice(Measure(OPTION, item.id, option), f"{item.id} {item.label}: {option}",
                                        item.headline and n == 0) for n, option in enumerate(item.choices)]
    return found


def defaults(standards_set: StandardsSet) -> tuple[Measure, ...]:
    return tuple(c.measure for c in choices(standards_set) if c.default)


def label_of(standards_set: StandardsSet, measure: Measure) -> str:
    found = next((c.label for c in choices(standards_set) if c.measure.key == measure.key), None)
    return found or measure.key


def parse_measure(standards_set: StandardsSet, text: str) -> Measure:
    """A measure from its command-line id: ``5`` (a standard), ``2.3`` (an item), ``9.6=1`` (its first
    option; the option's text works too). ``ValueError`` names what is wrong."""
    target, _, option = text.strip().partition("=")
    offered = choices(standards_set)
    if not option:
        found = next((c.measure for c in offered if c.measure.kind != OPTION and c.measure.target_id == target), None)
        if found is None:
            raise ValueError(f"{target!r} is not a graded standard or an item with a figure in "
                             f"{standards_set.title!r} (choice items need =N for an option)")
        return found
    options = [c.measure for c in offered if c.measure.kind == OPTION and c.measure.target_id == target]
    if not options:
        raise ValueError(f"{target!r} is not a choice or multi-choice item of {standards_set.title!r}")
    if option.isdigit() and 1 <= int(option) <= len(options):
        return options[int(option) - 1]
    found = next((m for m in options if m.option.casefold() == option.strip().casefold()), None)
    if found is None:
        raise ValueError(f"item {target} has no option {option!r} (1 to {len(options)}, or the option's text)")
    return found


# --- a cycle's chosen measures ---------------------------------------------------------------------

def chosen(workspace: Workspace, cycle_id: int) -> tuple[Measure, ...] | None:
    """The measures chosen for the cycle in order, or ``None`` when none were ever chosen."""
    rows = workspace.session.scalars(select(HeadlineMeasure).where(HeadlineMeasure.cycle_id == cycle_id)
                                     .order_by(HeadlineMeasure.position)).all()
    if not rows:
        return None
    return tuple(Measure(r.kind, r.target_id, r.option, r.wording) for r in rows)


def measures(workspace: Workspace, cycle_id: int) -> tuple[Measure, ...]:
    """The cycle's headline measures: those chosen, or else its set's defaults."""
    found = chosen(workspace, cycle_id)
    return found if found is not None else defaults(workspace.standards_set(cycle_id))


def set_measures(workspace: Workspace, cycle_id: int,
                 wanted: list[Measure] | tuple[Measure, ...]) -> tuple[Measure, ...]:
    """Choose the cycle's headline measures, in order (all or none: each must be one its set offers).
    An empty list goes back to the set's defaults."""
    workspace.cycle(cycle_id)
    offered = {(c.measure.kind, c.measure.key) for c in choices(workspace.standards_set(cycle_id))}
    keys = [m.key for m in wanted]
    for measure in wanted:
        if (measure.kind, measure.key) not in offered:
            raise workspace.refusal(f"the cycle's standards set has no headline measure {measure.key!r}.")
    if len(set(keys)) != len(keys):
        raise workspace.refusal("a headline measure is chosen twice.")
    if len(keys) > MAX_MEASURES:
        raise workspace.refusal(f"{len(keys)} headline measures are too many for a summary; at most {MAX_MEASURES}.")
    cleaned = [Measure(m.kind, m.target_id, m.option, _clean(m.wording, "wording", workspace)) for m in wanted]
    with workspace.change() as session:
        session.execute(delete(HeadlineMeasure).where(HeadlineMeasure.cycle_id == cycle_id))
        session.add_all([HeadlineMeasure(cycle_id=cycle_id, position=n, kind=m.kind, target_id=m.target_id,
                                         option=m.option, wording=m.wording) for n, m in enumerate(cleaned)])
    return measures(workspace, cycle_id)
