"""The list of designated safeguarding leads: every setting's DSL and deputies from its latest return.

Partnerships keep a directory of each school and college's DSL and deputies (the education lead's
duty in the arrangements): who they are, how to reach them and when they were last trained, to send
updates and to invite them to DSL refresher training. It is made from each setting's current return
in a cycle (the latest one it sent; a superseded return never counts), with, per setting:

- the DSL (name, work email and telephone, last DSL training) and up to two deputies (name, email,
  last DSL training), and the number of deputies the setting said it has;
- whether the DSL changed since the previous cycle: the DSL's name in the setting's current return
  of the cycle before (matched by reference) differs, ignoring case, spaces and punctuation;
- who is due for refresher DSL training (:meth:`Directory.due_refresher`): every person named whose
  last DSL training is before the start of the training date item's window back from the reference
  day (``within`` in the set, two years when it gives none: KCSIE asks for DSL training at least every
  two years), or who gave no training date at all.

Which items carry these details the set says itself: an item's ``directory`` (``dsl_name``,
``dsl_trained``, ``deputy_1_email``...; see ``standards/README.md``). The shipped S175 set asks for the
DSL's name and training date in standard 2 and the contact details in the information section 13;
its versions from before items could say so are known by :data:`DIRECTORY_ITEMS`. A cycle on a set that
does not ask for them has no directory
(:class:`DirectoryError`). Written as XLSX (the directory, the refresher list and the changed DSLs,
each a sheet) or CSV (one of them), atomically, text cells never run as formulas.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from s11audit import dates
from s11audit.business_unit.records import ReturnRecord
from s11audit.business_unit.tracking import records_for_cycle, write_csv
from s11audit.business_unit.workspace import CycleRow, Workspace, reference_key
from s11audit.organisations import type_label
from s11audit.reports.atomic import save_workbook
from s11audit.standards import StandardsSet


class DirectoryError(Exception):
    """No directory can be made for this cycle (its set does not ask for the DSL's details)."""


@dataclass(frozen=True)
class PersonItems:
    """The item ids of one person's details in a set ("" where the set does not ask)."""

    name: str
    email: str = ""
    telephone: str = ""
    trained: str = ""


@dataclass(frozen=True)
class DirectoryItems:
    dsl: PersonItems
    deputies: tuple[PersonItems, ...] = ()
    deputies_count: str = ""  # a number item: how many deputies the setting has


S175_ITEMS = DirectoryItems(dsl=PersonItems("2.1", "13.1", "13.2", "2.5"),
                            deputies=(PersonItems("13.3", "13.4", trained="13.5"),
                                      PersonItems("13.6", "13.7", trained="13.8")),
                            deputies_count="2.4")
# The shipped S175 versions written before items could say where they go (2026.2, 2026.3), by set id
# (items a version lacks are left blank). Any set, the shipped one from 2026.4 on, marks its items itself.
DIRECTORY_ITEMS: dict[str, DirectoryItems] = {"s175-kcsie2025": S175_ITEMS}

DSL, DEPUTY, SECOND_DEPUTY = "DSL", "Deputy DSL", "Second deputy DSL"
ROLES = (DSL, DEPUTY, SECOND_DEPUTY)


@dataclass(frozen=True)
class Person:
    role: str  # DSL, Deputy DSL, Second deputy DSL
    name: str
    email: str = ""
    telephone: str = ""
    trained_on: dt.date | None = None
    within: str = dates.DEFAULT_WITHIN  # how recent the training should be (the date item's window)


@dataclass(frozen=True)
class Entry:
    """One setting's safeguarding team, from its current return."""

    reference: str
    organisation: str
    sector: str
    org_type: str
    dsl: Person
    deputies: tuple[Person, ...]
    deputies_count: int | None = None
    previous_dsl: str | None = None  # the DSL's name in last cycle's return; None when there was none

    @property
    def dsl_changed(self) -> bool:
        return self.previous_dsl is not None and _same_name(self.previous_dsl) != _same_name(self.dsl.name)

    @property
    def people(self) -> tuple[Person, ...]:
        return (self.dsl, *self.deputies)


@dataclass(frozen=True)
class RefresherDue:
    """A person to invite to DSL refresher training, and why."""

    entry: Entry
    person: Person
    reason: str


@dataclass(frozen=True)
class Directory:
    cycle: str
    previous_cycle: str  # "" when the cycle names none
    set_title: str
    reference_date: dt.date  # refresher training is due counted back from this day
    entries: tuple[Entry, ...]

    def due_refresher(self) -> tuple[RefresherDue, ...]:
        """Everyone named whose last DSL training is outside its window, or who gave no date."""
        due = []
        for entry in self.entries:
            for person in entry.people:
                reason = refresher_reason(person, self.reference_date)
                if reason:
                    due.append(RefresherDue(entry, person, reason))
        return tuple(due)

    def changed(self) -> tuple[Entry, ...]:
        """Settings whose DSL is not the one named in their return of the previous cycle."""
        return tuple(e for e in self.entries if e.dsl_changed)


def _same_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name).casefold().split())


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def refresher_reason(person: Person, reference: dt.date) -> str:
    """Why ``person`` is due for refresher DSL training on ``reference`` ("" when they are not)."""
    if not person.name:
        return ""
    if person.trained_on is None:
        return "no DSL training date given"
    start = dates.window_start(person.within or dates.DEFAULT_WITHIN, reference)
    if person.trained_on < start:
        return (f"last trained {_day(person.trained_on)}, more than {dates.describe(person.within)} before "
                f"{_day(reference)}")
    return ""


def _text(answers: Mapping[str, Any], item_id: str) -> str:
    value = answers.get(item_id) if item_id else None
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _date(answers: Mapping[str, Any], item_id: str) -> dt.date | None:
    value = answers.get(item_id) if item_id else None
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _has_item(standards_set: StandardsSet, item_id: str) -> bool:
    return any(item.id == item_id for standard in standards_set.standards for item in standard.items)


def _person(role: str, items: PersonItems, answers: Mapping[str, Any], standards_set: StandardsSet) -> Person:
    within = dates.DEFAULT_WITHIN
    if items.trained and _has_item(standards_set, items.trained):
        within = standards_set.item(items.trained).within or dates.DEFAULT_WITHIN
    return Person(role, _text(answers, items.name), _text(answers, items.email), _text(answers, items.telephone),
                  _date(answers, items.trained), within)


def _from_roles(standards_set: StandardsSet) -> DirectoryItems | None:
    """The items the set marks with their place in the directory (an item's ``directory`` in the set's file)."""
    roles = {item.directory: item.id for standard in standards_set.standards for item in standard.items
             if item.directory}
    if not roles.get("dsl_name"):
        return None

    def person(prefix: str) -> PersonItems:
        return PersonItems(roles.get(f"{prefix}_name", ""), roles.get(f"{prefix}_email", ""),
                           roles.get(f"{prefix}_telephone", ""), roles.get(f"{prefix}_trained", ""))

    deputies = tuple(person(f"deputy_{n}") for n in (1, 2) if roles.get(f"deputy_{n}_name"))
    return DirectoryItems(person("dsl"), deputies, roles.get("deputies_count", ""))


def items_for(standards_set: StandardsSet) -> DirectoryItems:
    """Which items of the set carry the DSL's details: those the set marks (``directory:`` on an item, any
    set), else for a shipped S175 version written before items could say so, its known items.
    ``DirectoryError`` when the set does not ask for them."""
    items = _from_roles(standards_set) or DIRECTORY_ITEMS.get(standards_set.id)
    if items is None or not _has_item(standards_set, items.dsl.name):
        raise DirectoryError(f"The standards set {standards_set.display_name} does not ask for the designated "
                             "safeguarding lead's details, so its returns give no DSL directory.")
    return items


def entry_of(record: ReturnRecord, items: DirectoryItems, standards_set: StandardsSet,
             previous: ReturnRecord | None = None) -> Entry:
    answers = record.answers
    deputies = tuple(_person(role, person_items, answers, standards_set)
                     # a set may ask after fewer deputies than there are deputy roles
                     for role, person_items in zip(ROLES[1:], items.deputies, strict=False))
    count = answers.get(items.deputies_count) if items.deputies_count else None
    previous_dsl = _text(previous.answers, items.dsl.name) if previous is not None else None
    return Entry(record.reference, record.name, record.sector, record.org_type,
                 _person(DSL, items.dsl, answers, standards_set), tuple(d for d in deputies if d.name),
                 int(count) if isinstance(count, (int, float)) and not isinstance(count, bool) else None,
                 previous_dsl or None)


def build_directory(standards_set: StandardsSet, records: Sequence[ReturnRecord], *, cycle: str = "",
                    previous: Sequence[ReturnRecord] | None = None, previous_set: StandardsSet | None = None,
                    previous_cycle: str = "", reference_date: dt.date | None = None) -> Directory:
    """The directory from a cycle's current records (plain data; any thread)."""
    items = items_for(standards_set)
    before: dict[str, ReturnRecord] = {}
    if previous is not None:
        try:
            previous_items = items_for(previous_set) if previous_set is not None else items
        except DirectoryError:
            previous_items = None
        if previous_items is not None:
            before = {reference_key(r.reference): r for r in previous}
    entries = tuple(entry_of(r, items, standards_set, before.get(reference_key(r.reference))) for r in records)
    entries = tuple(sorted(entries, key=lambda e: (e.organisation.casefold(), e.reference)))
    return Directory(cycle, previous_cycle, standards_set.display_name, reference_date or dt.date.today(), entries)


def dsl_directory(workspace: Workspace, cycle: CycleRow, reference_date: dt.date | None = None) -> Directory:
    """The directory of ``cycle`` in ``workspace`` (read on the workspace's thread)."""
    standards_set = workspace.standards_set(cycle.id)
    items_for(standards_set)  # refuse before reading any return
    previous, previous_set, previous_name = None, None, ""
    if cycle.previous_id is not None:
        last = workspace.cycle(cycle.previous_id)
        previous, previous_set, previous_name = (records_for_cycle(workspace, last, basis="self"),
                                                 workspace.standards_set(last.id), last.name)
    return build_directory(standards_set, records_for_cycle(workspace, cycle, basis="self"), cycle=cycle.name,
                           previous=previous, previous_set=previous_set, previous_cycle=previous_name,
                           reference_date=reference_date)


# --- rows and files --------------------------------------------------------------------------------------


def _trained(person: Person | None) -> str:
    return person.trained_on.isoformat() if person is not None and person.trained_on else ""


def directory_columns(directory: Directory) -> list[tuple[str, int]]:
    since = f"DSL in {directory.previous_cycle}" if directory.previous_cycle else "DSL last cycle"
    return [("Setting", 40), ("Reference", 13), ("Sector", 14), ("Type", 20), ("DSL", 28), ("DSL email", 32),
            ("DSL telephone", 16), ("DSL last trained", 13), ("DSL refresher due", 12), ("Deputy DSL", 28),
            ("Deputy email", 32), ("Deputy last trained", 13), ("Second deputy DSL", 28), ("Second deputy email", 32),
            ("Second deputy last trained", 13), ("Deputies (number given)", 11), ("DSL changed", 10), (since, 28)]


def directory_row(entry: Entry, reference_date: dt.date) -> list[str]:
    deputies = [*list(entry.deputies), None, None]
    first, second = deputies[0], deputies[1]
    changed = "" if entry.previous_dsl is None else ("Yes" if entry.dsl_changed else "No")
    return [entry.organisation, entry.reference, entry.sector, type_label(entry.org_type) if entry.org_type else "",
            entry.dsl.name, entry.dsl.email, entry.dsl.telephone, _trained(entry.dsl),
            "Yes" if refresher_reason(entry.dsl, reference_date) else "",
            first.name if first else "", first.email if first else "", _trained(first),
            second.name if second else "", second.email if second else "", _trained(second),
            "" if entry.deputies_count is None else str(entry.deputies_count), changed, entry.previous_dsl or ""]


REFRESHER_COLUMNS = [("Setting", 40), ("Reference", 13), ("Role", 16), ("Name", 28), ("Email", 32),
                     ("Telephone", 16), ("Last DSL training", 14), ("Why invited", 60)]


def refresher_row(due: RefresherDue) -> list[str]:
    p = due.person
    return [due.entry.organisation, due.entry.reference, p.role, p.name, p.email, p.telephone, _trained(p), due.reason]


CHANGED_COLUMNS = [("Setting", 40), ("Reference", 13), ("DSL now", 28), ("DSL email", 32), ("DSL telephone", 16),
                   ("DSL last cycle", 28)]


def changed_row(entry: Entry) -> list[str]:
    return [entry.organisation, entry.reference, entry.dsl.name, entry.dsl.email, entry.dsl.telephone,
            entry.previous_dsl or ""]


def _sheet(workbook, title: str, columns: list[tuple[str, int]], rows: list[list[str]], footer: str) -> None:
    from s11audit.reports.xlsx import fit_rows, header, put_text

    sheet = workbook.create_sheet(title)
    header(sheet, columns)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            put_text(cell, value)
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    fit_rows(sheet)
    # Printed at a readable size: as many landscape pages across as the columns need (about 170
    # characters of column width a page, as the standards workbook), the setting's name on each.
    sheet.page_setup.fitToWidth = max(1, math.ceil(sum(width for _, width in columns) / 170))
    if sheet.page_setup.fitToWidth > 1:
        sheet.print_title_cols = "A:A"
    sheet.oddHeader.center.text = footer
    sheet.oddFooter.center.text = "&A, page &P of &N"


def write_directory(directory: Directory, out_path: Path | str, *, due_refresher: bool = False) -> Path:
    """The directory as XLSX (sheets: DSL directory, Refresher training due, DSL changed) or CSV (by
    suffix; the directory, or with ``due_refresher`` the list to invite). Written atomically."""
    out_path = Path(out_path)
    reference = directory.reference_date
    tables = {"DSL directory": (directory_columns(directory), [directory_row(e, reference) for e in directory.entries]),
              "Refresher training due": (REFRESHER_COLUMNS, [refresher_row(d) for d in directory.due_refresher()]),
              "DSL changed": (CHANGED_COLUMNS, [changed_row(e) for e in directory.changed()])}
    if due_refresher:
        tables = {"Refresher training due": tables["Refresher training due"]}
    if out_path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        from s11audit.reports.xlsx_print import first_sheet

        workbook = Workbook()
        workbook.remove(first_sheet(workbook))
        title = f"Designated safeguarding leads, {directory.cycle}".replace("&", "&&")
        for name, (columns, rows) in tables.items():
            _sheet(workbook, name, columns, rows, title)
        workbook.properties.title = f"Designated safeguarding leads: {directory.cycle}"
        save_workbook(workbook, out_path)
        return out_path
    columns, rows = next(iter(tables.values()))
    return write_csv(out_path, [title for title, _ in columns], rows)


__all__ = ["DIRECTORY_ITEMS", "Directory", "DirectoryError", "Entry", "Person", "RefresherDue", "build_directory",
           "dsl_directory", "refresher_reason", "write_directory"]
