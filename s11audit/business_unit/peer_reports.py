"""The peer audit day's documents from the workspace: the schedule, the day summary, a feedback letter
per agency and the outcomes workbook.

The writers in ``reports/peer_*`` take plain data (``reports/peer_audit_data.py``); this builds it
from an event's participants, records and the cycle's grade and outcome scales.
"""

from __future__ import annotations

from pathlib import Path

from s11audit.business_unit import headlines, peer_audit
from s11audit.business_unit.workspace import Workspace
from s11audit.reports import peer_audit_data as data


def event_data(workspace: Workspace, event_id: int, partnership: str = "") -> data.PeerEvent:
    found = peer_audit.event(workspace, event_id)
    scale = peer_audit.outcome_scale(workspace, event_id)
    standards = [data.Standard(s.id, s.number, s.title) for s in peer_audit.standards_in_focus(workspace, event_id)]
    levels = [data.OutcomeLevel(level.id, level.label, level.colour, level.meets) for level in scale.levels]
    business_unit = headlines.settings(workspace).name_or_default  # heads and signs the letters (schema 0006)
    return data.PeerEvent(found.name, found.held_on, partnership, standards, levels, business_unit=business_unit)


def schedule_groups(workspace: Workspace, event_id: int) -> list[data.ScheduleGroup]:
    return [data.ScheduleGroup(row.group, row.starts_at, row.ends_at,
                               [data.Agency(p.name, p.sector) for p in row.participants])
            for row in peer_audit.schedule(workspace, event_id)]


def outcomes(workspace: Workspace, event_id: int) -> list[data.AgencyOutcome]:
    found = peer_audit.event(workspace, event_id)
    grades = workspace.standards_set(found.cycle_id).grade_scale
    people = {p.organisation_id: p for p in peer_audit.participants(workspace, event_id)}
    rows = []
    for record in peer_audit.records(workspace, event_id):
        person = people[record.organisation_id]
        own = record.self_grade
        if own.grade and grades.has_level(own.grade) and not own.not_applicable:
            level = grades.level(own.grade)
            label, colour, meets = level.label, level.colour, grades.meets_standard(own.grade)
        else:
            label = grades.not_applicable_label if own.not_applicable else "No grade"
            colour, meets = "#D5D8DC", None
        if own.from_previous_cycle:
            label = f"{label} ({own.cycle})"
        rows.append(data.AgencyOutcome(
            person.name, person.sector, person.group, record.standard_id, label, colour, meets, record.outcome,
            record.challenge_notes, record.recommendations,
            [data.AgreedAction(a.action, a.owner, a.due_on) for a in record.actions]))
    return rows


def write_schedule(workspace: Workspace, event_id: int, out_path: Path, partnership: str = "") -> Path:
    from s11audit.reports.peer_schedule_pdf import write_schedule_pdf

    return write_schedule_pdf(event_data(workspace, event_id, partnership), schedule_groups(workspace, event_id),
                              out_path)


def write_day_summary(workspace: Workspace, event_id: int, out_path: Path, partnership: str = "") -> Path:
    from s11audit.reports.peer_day_pdf import write_day_summary_pdf

    return write_day_summary_pdf(event_data(workspace, event_id, partnership), outcomes(workspace, event_id), out_path)


def write_outcomes_workbook(workspace: Workspace, event_id: int, out_path: Path, partnership: str = "") -> Path:
    from s11audit.reports.peer_outcomes_xlsx import write_outcomes_xlsx

    return write_outcomes_xlsx(event_data(workspace, event_id, partnership), outcomes(workspace, event_id), out_path)


def write_feedback_letters(workspace: Workspace, event_id: int, folder: Path, partnership: str = ""):
    from s11audit.reports.peer_feedback_pdf import write_feedback_pdfs

    return write_feedback_pdfs(folder, event_data(workspace, event_id, partnership), outcomes(workspace, event_id))


def describe_results(results, folder) -> str:
    """What a batch of feedback letters did, in words for a message box."""
    failed = [r for r in results if not r.written]
    text = f"{len(results) - len(failed)} feedback letters written to {folder}."
    if failed:
        text += "\n\nNot written:\n" + "\n".join(f"• {r.agency}: {r.problem}" for r in failed[:20])
    return text
