"""The annual report summary: the half page a partnership publishes about a cycle.

- **Response rate**: returns received (current returns of registered organisations, on time or
  late) over the organisations in the register, overall, per sector and per organisation type, each
  beside the previous cycle's rate (its own register and returns).
- **Headline measures** (chosen per cycle, ``headlines``): a sentence each in the style "91% of
  returning settings have accessed early help training (85% in 2016/17)": % meeting a standard, an
  item's headline figure (``findings``), or the % choosing or ticking an option; last cycle's figure
  from the findings' change since last cycle (only where both cycles have it). Whole numbers rounded
  half up (``figures``).
- **Weakest standards** (lowest % meeting, the three lowest) and the **standards with the most actions
  planned** (the five most).

Reading (on the workspace's thread, :func:`read_summary_inputs`) is apart from building
(:func:`build_summary`, plain data), so the app builds the summary from the findings it already has.
"""

from __future__ import annotations

from dataclasses import dataclass

from s11audit.business_unit import headlines, tracking
from s11audit.business_unit.findings_model import Findings
from s11audit.business_unit.headlines import OPTION, STANDARD, Measure, WorkspaceSettings
from s11audit.business_unit.records import Basis
from s11audit.business_unit.workspace import CycleRow, Workspace
from s11audit.figures import percent_text, whole_percent
from s11audit.organisations import type_label
from s11audit.standards import ItemType, StandardsSet

WEAKEST, COMMON_ACTIONS = 3, 5
NO_SECTOR, NO_TYPE = "Sector not given", "Type not given"


@dataclass(frozen=True)
class ResponseRate:
    label: str
    received: int
    expected: int
    percent: float | None
    previous_percent: float | None


@dataclass(frozen=True)
class HeadlineMeasure:
    label: str
    sentence: str
    percent: float | None
    previous_percent: float | None
    respondents: int


@dataclass(frozen=True)
class AnnualSummary:
    cycle: str
    previous_cycle: str  # "" when the cycle names none
    business_unit: str
    response: ResponseRate
    by_sector: tuple[ResponseRate, ...]
    by_type: tuple[ResponseRate, ...]
    measures: tuple[HeadlineMeasure, ...]
    weakest: tuple[str, ...]  # "3. Safer recruitment (54% meeting)"
    common_actions: tuple[tuple[str, int], ...]  # (standard "n. title", number of actions planned), most first


@dataclass(frozen=True)
class SummaryInputs:
    """What the summary needs of a workspace besides the findings (plain data)."""

    cycle: str
    previous_cycle: str
    settings: WorkspaceSettings
    rates: tracking.ResponseRates
    previous_rates: tracking.ResponseRates | None
    measures: tuple[Measure, ...]
    standards_set: StandardsSet


def _percent(rate: tracking.Rate | None) -> float | None:
    return 100.0 * rate.returned / rate.expected if rate is not None and rate.expected else None


def _rate(label: str, rate: tracking.Rate, previous: tracking.Rate | None) -> ResponseRate:
    return ResponseRate(label, rate.returned, rate.expected, _percent(rate), _percent(previous))


def _rates(current: dict[str, tracking.Rate], previous: dict[str, tracking.Rate] | None, label) -> tuple:
    return tuple(_rate(label(key), rate, (previous or {}).get(key)) for key, rate in current.items())


def _sector_label(sector: str) -> str:
    return sector or NO_SECTOR


def _type_label(org_type: str) -> str:
    return type_label(org_type) if org_type else NO_TYPE


def read_summary_inputs(workspace: Workspace, cycle: CycleRow,
                        rates: tracking.ResponseRates | None = None) -> SummaryInputs:
    """What the summary needs besides the findings; ``rates``: the cycle's response rates when the
    caller has them already (the business unit's window keeps the register's statuses)."""
    previous = workspace.cycle(cycle.previous_id) if cycle.previous_id is not None else None
    rates = rates if rates is not None else tracking.response_rates(tracking.statuses(workspace, cycle))
    previous_rates = tracking.response_rates(tracking.statuses(workspace, previous)) if previous else None
    return SummaryInputs(cycle.name, previous.name if previous else "", headlines.settings(workspace), rates,
                         previous_rates, headlines.measures(workspace, cycle.id), workspace.standards_set(cycle.id))


# --- sentences -------------------------------------------------------------------------------------

def _noun(standards_set: StandardsSet) -> str:
    return "settings" if "education" in standards_set.organisation_kinds else "organisations"


def _whole(value: float) -> str:
    return f"{whole_percent(value)}%"


def _phrase(standards_set: StandardsSet, measure: Measure, findings: Findings) -> tuple[str, str]:
    """(label, what the percentage says of the organisations), e.g. ("2.3 Deputy DSL appointed",
    "answered yes to: Deputy DSL appointed")."""
    if measure.kind == STANDARD:
        standard = standards_set.standard(measure.target_id)
        return f"Standard {standard.heading}", f"meet standard {standard.heading}"
    item = standards_set.item(measure.target_id)
    if measure.kind == OPTION:
        verb = "ticked" if item.type is ItemType.MULTI_CHOICE else "chose"
        return f"{item.label}: {measure.option}", f"{verb} \u201c{measure.option}\u201d for: {item.label}"
    if item.type is ItemType.YES_NO:
        return item.label, f"answered yes to: {item.label}"
    if item.type is ItemType.DATE:
        words = findings.item(item.id).within_words
        return item.label, f"gave a date {words} for: {item.label}"
    return item.label, f"meet: {item.label}"


def _figure(measure: Measure, findings: Findings) -> tuple[float | None, float | None, int]:
    """(this cycle's %, last cycle's % or None, organisations the % is of)."""
    if measure.kind == STANDARD:
        f = findings.standard(measure.target_id)
        change = next((c for c in findings.standard_changes if c.id == measure.target_id), None)
        return f.percent_meeting, change.previous if change else None, f.grades.graded
    item = findings.item(measure.target_id)
    option = measure.option if measure.kind == OPTION else ""
    change = next((c for c in findings.item_changes if c.id == item.item_id and c.option == option), None)
    figure = dict(item.choice_percents).get(option) if option else item.headline
    return figure, change.previous if change else None, item.answered


def _measure(inputs: SummaryInputs, measure: Measure, findings: Findings) -> HeadlineMeasure | None:
    set_ = inputs.standards_set
    try:
        label, phrase = _phrase(set_, measure, findings)
        figure, previous, respondents = _figure(measure, findings)
    except (KeyError, StopIteration):  # not in the set or not in these findings (e.g. filtered out)
        return None
    phrase = measure.wording or phrase
    noun = _noun(set_)
    since = (f" ({_whole(previous)} in {inputs.previous_cycle})" if previous is not None and inputs.previous_cycle
             else "")
    item_type = set_.item(measure.target_id).type if measure.kind != STANDARD else None
    if figure is None:
        sentence = f"No returning {noun} gave a figure for: {label}."
    elif item_type is ItemType.PERCENTAGE and measure.kind != OPTION:
        sentence = f"Returning {noun} gave a mean of {_whole(figure)} for: {measure.wording or label}{since}."
    else:
        sentence = f"{_whole(figure)} of returning {noun} {phrase}{since}."
    return HeadlineMeasure(label, sentence, figure, previous, respondents)


# --- the summary -----------------------------------------------------------------------------------

def build_summary(inputs: SummaryInputs, findings: Findings) -> AnnualSummary:
    """The summary from what was read and the cycle's findings (with the change since last cycle)."""
    rates, previous = inputs.rates, inputs.previous_rates
    response = _rate("All", rates.overall, previous.overall if previous else None)
    by_sector = _rates(rates.by_sector, previous.by_sector if previous else None, _sector_label)
    by_type = _rates(rates.by_type, previous.by_type if previous else None, _type_label)
    measures = tuple(m for m in (_measure(inputs, measure, findings) for measure in inputs.measures) if m)
    # The weakest of those some organisations do not meet: a standard every organisation meets is not weak.
    weakest = tuple(f"{f.number}. {f.title} ({percent_text(f.percent_meeting)} meeting)"
                    for f in [f for f in findings.weakest if f.grades.below][:WEAKEST])
    ranked = sorted((f for f in findings.standards if f.actions), key=lambda f: -f.actions)
    common = tuple((f"{f.number}. {f.title}", f.actions) for f in ranked[:COMMON_ACTIONS])
    return AnnualSummary(inputs.cycle, inputs.previous_cycle, inputs.settings.business_unit, response, by_sector,
                         by_type, measures, weakest, common)


def annual_summary(workspace: Workspace, cycle: CycleRow | str | int, basis: Basis = "self") -> AnnualSummary:
    """The annual report summary of a cycle (on self-grades or moderated grades)."""
    from s11audit.business_unit.cycle_findings import read_for_findings

    if not isinstance(cycle, CycleRow):
        cycle = workspace.cycle(cycle)
    inputs = read_summary_inputs(workspace, cycle)
    return build_summary(inputs, read_for_findings(workspace, cycle).findings(basis))


# --- as text (command line, the app) ---------------------------------------------------------------

def rate_text(rate: ResponseRate, previous_cycle: str = "") -> str:
    """ "Primary: 70% (35 of 50; 64% in 2025/26)"."""
    text = f"{rate.label}: {percent_text(rate.percent)} ({rate.received:,} of {rate.expected:,}"
    if rate.previous_percent is not None and previous_cycle:
        text += f"; {percent_text(rate.previous_percent)} in {previous_cycle}"
    return text + ")"


def summary_lines(summary: AnnualSummary) -> list[str]:
    """The summary as plain lines of text (headings unindented, entries indented)."""
    title = f"Annual report summary: {summary.cycle}" + (f" ({summary.business_unit})" if summary.business_unit else "")
    lines = [title, "", "Response rate",
             "  " + rate_text(summary.response, summary.previous_cycle).replace("All: ", "All returns: ", 1)]
    for heading, rates in (("By sector", summary.by_sector), ("By type", summary.by_type)):
        if rates:
            lines += ["", heading] + ["  " + rate_text(r, summary.previous_cycle) for r in rates]
    lines += ["", "Headline measures"] + (["  " + m.sentence for m in summary.measures] or ["  (none chosen)"])
    if summary.weakest:
        lines += ["", "Weakest standards"] + ["  " + w for w in summary.weakest]
    if summary.common_actions:
        lines += ["", "Actions most often planned"] + [f"  {s}: {n:,}" for s, n in summary.common_actions]
    return lines
