"""Personal data screens (issue 17): the business unit's retention periods and Apply retention, removing an
organisation with or without deleting its returns completely, and the organisation's Delete old evidence.
Driven with keys (Alt, Tab, Space, Return) over real workspaces and audit files."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.remove_organisation_dialog import RemoveOrganisationDialog
from s11audit.ui.business_unit.window import BusinessUnitWindow
from s11audit.ui.file_sizes import size_text
from tests.ui.keys_support import assert_unique_alt_keys, press_alt
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS
OLD = [Organisation("Oakfield Primary School", "URN 100001", "Education", "primary", "Head", "head@example.org"),
       Organisation("Hillside Academy", "URN 100002", "Education", "secondary", "Head", "head2@example.org")]
NEW = Organisation("Brook Special School", "URN 100003", "Education", "special", "Head", "head3@example.org")
EVIDENCE_FILES = 2  # write_one(with_evidence=True): two small text files per return, naming the organisation


def _evidence_bytes(name: str, standards_set, org_type: str) -> int:
    """The bytes of an organisation's two evidence files, as write_one makes them."""
    return sum(len(f"{name}\n\nEvidence {n} for {s.title}.\n".encode())
               for n, s in enumerate(standards_set.standards_for(org_type)[:2], start=1))


@pytest.fixture
def unit_path(tmp_path, s175_set):
    """A workspace with an old cycle (due 31 March 2020: Oakfield and Hillside returned, each with two evidence
    files) and this year's (Brook returned with two evidence files)."""
    inbox = tmp_path / "inbox"
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, "Business unit officer") as workspace:
        for name, due, organisations in (("2019/20", dt.date(2020, 3, 31), OLD),
                                         ("2026/27", dt.date.today() + dt.timedelta(days=30), [NEW])):
            cycle = workspace.add_cycle(name, s175_set, due)
            workspace.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, o.sector, o.org_type)
                                                   for o in organisations])
            folder = inbox / name.replace("/", "-")
            folder.mkdir(parents=True)
            for organisation in organisations:
                write_one(folder, s175_set, organisation, cycle=name, with_evidence=True)
            report = import_returns(workspace, workspace.cycle(cycle.id), [folder])
            assert f"{len(organisations)} imported" in report.summary(), report.summary()
    return path


@pytest.fixture
def unit_window(qtbot, unit_path, s175_set):
    workspace = Workspace.open(unit_path, "Business unit officer")
    shown = BusinessUnitWindow(workspace, [s175_set])
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def _show_cycle(window, name: str) -> None:
    chooser = window.form.cycleChooser
    chooser.setCurrentIndex(chooser.findData(window.workspace.cycle(name).id))


def _select(window, name: str) -> None:
    table = window.form.registerTable
    rows = [r for r in range(table.model().rowCount()) if table.model().index(r, 0).data() == name]
    table.setFocus()
    table.selectRow(rows[0])


def _register_names(window) -> list[str]:
    model = window.register_model
    return sorted(model.index(r, 0).data() for r in range(model.rowCount()))


def _returns_of(window, reference: str) -> int:
    workspace = window.workspace  # the window holds the file (locked) and opens it again after a job
    return sum(1 for c in workspace.cycles() for r in workspace.returns(c.id) if r.reference == reference)


# --- removing an organisation ---------------------------------------------------------------------------------

def test_remove_keeps_the_returns_unless_ticked(qtbot, unit_window, unit_path, s175_set, messages):
    _show_cycle(unit_window, "2019/20")
    _select(unit_window, "Oakfield Primary School")
    seen: list[str] = []

    def keep(dialog: RemoveOrganisationDialog) -> None:
        assert_unique_alt_keys(dialog)
        assert not dialog.form.deleteReturns.isChecked() and dialog.focusWidget() is dialog.form.deleteReturns
        seen.append(dialog.form.figures.text())
        seen.append(dialog.form.question.text())
        qtbot.keyClick(dialog.form.deleteReturns, Qt.Key.Key_Return)  # Remove, the default; the box left unticked

    when_dialog(RemoveOrganisationDialog, keep)
    press_alt(qtbot, unit_window.form.registerTable, Qt.Key.Key_M)  # Re&move (a button's Alt key clicks a little later)
    qtbot.waitUntil(lambda: len(seen) == 2 and _register_names(unit_window) == ["Hillside Academy"])
    figures, question = seen
    size = _evidence_bytes(OLD[0].name, s175_set, "primary")
    assert "Oakfield Primary School" in question
    assert figures.startswith("Their imported returns stay in this workspace")
    assert "Ticked, this also deletes 1 return with 2 evidence files (" in figures
    assert _register_names(unit_window) == ["Hillside Academy"]
    assert _returns_of(unit_window, OLD[0].reference) == 1  # kept, waiting to be matched
    assert size > 0 and messages.shown == []


def test_remove_and_delete_completely_then_compact(qtbot, unit_window, unit_path, messages):
    _show_cycle(unit_window, "2019/20")
    _select(unit_window, "Hillside Academy")
    seen: list[str] = []

    def delete(dialog: RemoveOrganisationDialog) -> None:
        qtbot.keyClick(dialog.form.deleteReturns, Qt.Key.Key_Space)  # tick it
        seen.append(dialog.form.figures.text())
        qtbot.keyClick(dialog.form.deleteReturns, Qt.Key.Key_Return)

    when_dialog(RemoveOrganisationDialog, delete)
    before = unit_path.stat().st_size
    press_alt(qtbot, unit_window.form.registerTable, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: bool(messages.texts("information")), timeout=20000)  # the job: delete, then compact
    [figures] = seen
    assert figures.startswith("This also deletes 1 return with 2 evidence files (")
    assert "cannot be recovered" in figures
    [result] = messages.texts("information")
    assert result.startswith("1 organisation removed from the register. Deleted completely: 1 return, 2 evidence "
                             "files and 0 moderated grades (")
    assert "The workspace file was compacted so that nothing deleted can be read from it" in result
    assert _register_names(unit_window) == ["Oakfield Primary School"]
    assert _returns_of(unit_window, OLD[1].reference) == 0
    assert unit_path.stat().st_size < before
    assert b"Hillside Academy" not in unit_path.read_bytes()  # nothing of it left in the file
    assert QApplication.activeModalWidget() is None


def test_remove_asks_nothing_when_cancelled(qtbot, unit_window, unit_path, messages):
    _show_cycle(unit_window, "2019/20")
    _select(unit_window, "Oakfield Primary School")
    seen = when_dialog(RemoveOrganisationDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    press_alt(qtbot, unit_window.form.registerTable, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert _register_names(unit_window) == ["Hillside Academy", "Oakfield Primary School"]
    assert messages.shown == []


# --- the business unit's retention ----------------------------------------------------------------------------

def _menu_action(window, text: str):
    return next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)


def _table(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _evidence_rows(window) -> int:
    from sqlalchemy import text

    return int(window.workspace.session.scalar(text("SELECT count(*) FROM return_evidence")))


def test_retention_preview_apply_and_the_line_in_the_window(qtbot, unit_window, unit_path, s175_set, messages):
    from s11audit.ui.business_unit.retention_dialog import RetentionDialog

    line = unit_window.retention_line
    assert line.text() == "Kept: evidence for ever, narratives for ever, whole returns for ever"
    oakfield = _evidence_bytes(OLD[0].name, s175_set, "primary")
    hillside = _evidence_bytes(OLD[1].name, s175_set, "secondary")
    seen: dict[str, object] = {}

    def choose(dialog: RetentionDialog) -> None:
        form = dialog.form
        assert_unique_alt_keys(dialog)
        assert dialog.focusWidget() is form.evidenceMonths and form.evidenceMonths.text() == "Keep for ever"
        assert _table(form.previewTable) == [] and form.totals.text().startswith("Nothing is past these periods")
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClick(form.evidenceMonths, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(form.evidenceMonths, "24")  # 24 months after 31 March 2020 is long past
        qtbot.keyClick(form.evidenceMonths, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is form.narrativesMonths
        seen["rows"] = _table(form.previewTable)
        seen["totals"] = form.totals.text()
        press_alt(qtbot, dialog, Qt.Key.Key_A)  # Apply retention…

    when_dialog(RetentionDialog, choose)
    _menu_action(unit_window, "&Retention…").trigger()
    qtbot.waitUntil(lambda: bool(messages.texts("information")), timeout=20000)
    assert sorted(seen["rows"]) == [
        ["Evidence files", "2019/20", "Hillside Academy", "2 evidence files", 2, f"{hillside} bytes"],
        ["Evidence files", "2019/20", "Oakfield Primary School", "2 evidence files", 2, f"{oakfield} bytes"]]
    assert seen["totals"] == f"In all: 4 files, {oakfield + hillside} bytes (2 items to delete)."
    [question] = messages.texts("question")
    assert question == (f"Delete 4 files, {oakfield + hillside} bytes past the retention periods (2 items) from this "
                        "workspace for good?\n\nThis cannot be undone.")
    [result] = messages.texts("information")
    assert result.startswith(f"4 files, {oakfield + hillside} bytes deleted, past the retention periods.\n\n"
                             "The workspace file was compacted")
    assert line.text() == "Kept: evidence 2 years, narratives for ever, whole returns for ever"
    assert unit_window.workspace.retention().evidence_months == 24
    assert _evidence_rows(unit_window) == 2  # this year's two files stay
    assert f"{OLD[0].name}\n\nEvidence 1".encode() not in unit_path.read_bytes()
    assert f"{NEW.name}\n\nEvidence 1".encode() in unit_path.read_bytes()


def test_retention_periods_saved_only_or_left_alone(qtbot, unit_window, messages):
    from s11audit.ui.business_unit.retention_dialog import RetentionDialog

    def escape(dialog: RetentionDialog) -> None:
        qtbot.keyClicks(dialog.form.returnsMonths, "72")
        qtbot.keyClick(dialog.form.returnsMonths, Qt.Key.Key_Escape)

    seen = when_dialog(RetentionDialog, escape)
    _menu_action(unit_window, "&Retention…").trigger()
    assert seen and unit_window.workspace.retention().returns_months is None

    def save_only(dialog: RetentionDialog) -> None:
        form = dialog.form
        qtbot.keyClick(form.evidenceMonths, Qt.Key.Key_Tab)
        qtbot.keyClick(form.narrativesMonths, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is form.returnsMonths
        qtbot.keyClick(form.returnsMonths, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(form.returnsMonths, "72")
        assert [row[0] for row in _table(form.previewTable)] == ["Whole return", "Whole return"]
        press_alt(qtbot, dialog, Qt.Key.Key_S)  # Save periods only

    seen = when_dialog(RetentionDialog, save_only)
    _menu_action(unit_window, "&Retention…").trigger()
    assert seen and messages.shown == []
    assert unit_window.retention_line.text() == "Kept: evidence for ever, narratives for ever, whole returns 6 years"
    assert _evidence_rows(unit_window) == 6 and len(unit_window.workspace.returns(
        unit_window.workspace.cycle("2019/20").id)) == 2  # nothing deleted


# --- the organisation's Delete old evidence -------------------------------------------------------------------

@pytest.fixture
def old_audits(tmp_path, s175_set):
    """A school's file: 2022/23 signed off on 1 June 2023 (its evidence old), 2023/24 signed today and
    2026/27 being completed (whose evidence the file keeps whatever the period)."""
    import sqlite3

    from s11audit.sample import fill_assessment, sign_sample
    from s11audit.store import AuditFile, OrganisationDetails

    path = tmp_path / "school.s11audit"
    school = OrganisationDetails("Oakfield Primary School", "URN 100001", "education", "primary")
    with AuditFile.create(path, school, "Helen Morris") as audit_file:
        for cycle in ("2022/23", "2023/24"):
            assessment = audit_file.start_audit(s175_set, cycle)
            fill_assessment(assessment, school.name)
            sign_sample(assessment)
        audit_file.start_audit(s175_set, "2026/27")
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE audit SET signed_at = '2023-06-01 10:00:00.000000' WHERE cycle = '2022/23'")
    db.close()
    return path


def test_delete_old_evidence_in_the_organisations_file(qtbot, old_audits, messages):
    from s11audit.store import AuditFile
    from s11audit.ui.app import create_main_window
    from s11audit.ui.dialogs.old_evidence import OldEvidenceDialog

    with AuditFile.open(old_audits, "check", read_only=True) as audit_file:
        listed = audit_file.evidence_retention_preview(24)
        kept = {e.name for e in audit_file.evidence_retention_preview(1)} - {e.name for e in listed}
    assert listed and {e.cycle for e in listed} == {"2022/23"}
    from s11audit.ui.settings import Settings

    Settings().user_name = "Helen Morris"  # else opening asks for it
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(old_audits)
    action = window.actionDeleteOldEvidence
    assert action.isEnabled() and action.text() == "&Delete old evidence…"
    seen: dict[str, object] = {}

    def choose(dialog: OldEvidenceDialog) -> None:
        form = dialog.form
        assert_unique_alt_keys(dialog)
        assert dialog.focusWidget() is form.olderThan and form.olderThan.value() == 36
        qtbot.keyClick(form.olderThan, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(form.olderThan, "24")
        seen["rows"] = _table(form.previewTable)
        seen["totals"] = form.totals.text()
        press_alt(qtbot, dialog, Qt.Key.Key_D)  # Delete…

    when_dialog(OldEvidenceDialog, choose)
    action.trigger()
    size = sum(e.size for e in listed)
    assert len(seen["rows"]) == len(listed) and {row[0] for row in seen["rows"]} == {"2022/23"}
    assert {row[2] for row in seen["rows"]} == {"01 Jun 2023"}
    assert seen["totals"] == f"In all: {len(listed)} files, {size_text(size)}."
    [question] = messages.texts("question")
    assert question.startswith(f"Delete {len(listed)} files, {size_text(size)} of evidence older than 2 years")
    [result] = messages.texts("information")
    assert result.startswith(f"{len(listed)} files, {size_text(size)} of evidence deleted and the file compacted")
    audit_file = window.audit_file
    assert audit_file.evidence_retention_months() == 24
    assert audit_file.evidence_retention_preview(24) == []
    assert {e.name for e in audit_file.evidence_retention_preview(1)} == kept
    assert window.document is not None and window.document.assessment.cycle == "2026/27"
    window.close_file()
    window.close()
