"""The business unit's window: register, importing returns (with progress), moderation, findings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from s11audit.export import export
from s11audit.sample import make_sample
from s11audit.store import AuditFile, OrganisationDetails
from s11audit.ui.business_unit.dialogs import OrganisationDialog
from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
from tests.ui.business_unit_support import SCHOOLS
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS


def _signed_return(folder: Path, organisation: OrganisationDetails, standards_set, seed: int) -> Path:
    path = make_sample(folder / f"{organisation.reference}.s11audit", standards_set, organisation, seed=seed,
                       signed=True, sample=False)  # a real return, to import
    target = folder / f"{organisation.reference}.s11return"
    with AuditFile.open(path, "test", read_only=True) as audit_file:
        export(audit_file, audit_file.latest_assessment(), returned=target)
    path.unlink()
    return target


def _statuses(window) -> dict[str, str]:
    model = window.register_model
    return {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}


def test_import_moderate_and_findings(qtbot, window, tmp_path, s175_set, messages, monkeypatch):
    assert set(_statuses(window).values()) == {"Not returned"}
    assert "0 of 3 returned" in window.form.cycleSummary.text()
    folder = tmp_path / "returns"
    folder.mkdir()
    for n, school in enumerate(SCHOOLS[:2]):
        _signed_return(folder, school, s175_set, seed=n)
    (folder / "broken.s11return").write_bytes(b"not a return")

    window.import_paths([folder])  # runs on a worker thread behind the progress dialog
    assert QApplication.activeModalWidget() is None
    statuses = _statuses(window)
    assert statuses["Oakfield Primary School"] == "Returned" and statuses["Brook Special School"] == "Not returned"
    report = [window.form.importReport.item(i).text() for i in range(window.form.importReport.count())]
    assert any(line.startswith("broken.s11return: rejected") for line in report)
    [summary] = messages.texts("information")
    assert "2 imported" in summary and "1 rejected" in summary
    assert "2 of 3 returned" in window.form.cycleSummary.text()
    rates = window.form.responseRates.text()
    assert "overall 2 of 3 (67%)" in rates and "Education 2 of 3 (67%)" in rates
    assert "Special school 0 of 1 (0%)" in rates

    # Importing the same folder again changes nothing.
    window.import_paths([folder])
    assert "2 duplicates" in messages.texts("information")[-1]
    assert window.returns_model.rowCount() == 2

    lowest = _moderate_oakfields_first_standard_to_the_lowest_grade(qtbot, window, s175_set)
    _findings_on_self_then_moderated_grades(window, s175_set, lowest)
    _findings_pdf_and_workbook(window, tmp_path, messages, monkeypatch)


def _moderate_oakfields_first_standard_to_the_lowest_grade(qtbot, window, s175_set):
    """Moderate the first standard of Oakfield's return down to the lowest grade (returned)."""
    table = window.form.returnsTable
    row = next(r for r in range(window.returns_proxy.rowCount())
               if window.returns_proxy.index(r, 0).data() == "Oakfield Primary School")
    table.selectRow(row)
    assert window.form.moderateButton.isEnabled() and not window.form.matchButton.isEnabled()
    lowest = s175_set.grade_scale.levels[0]

    def moderate(dialog: ModerationDialog) -> None:
        _, _, chooser, comment = dialog.rows[0]
        chooser.setCurrentIndex(chooser.findData(lowest.id))
        qtbot.keyClicks(comment, "No evidence of governor challenge")
        dialog.accept()

    seen = when_dialog(ModerationDialog, moderate)
    qtbot.mouseClick(window.form.moderateButton, Qt.MouseButton.LeftButton)
    assert seen
    return_id = window._selected_return().id
    first = s175_set.standards[0].id
    moderated = window.workspace.moderations(return_id)
    assert moderated[first].grade == lowest.id and moderated[first].comment == "No evidence of governor challenge"
    return lowest


def _findings_on_self_then_moderated_grades(window, s175_set, lowest) -> None:
    """On self-grades, then on moderated grades the first standard has one more below the line."""
    window.form.tabs.setCurrentWidget(window.form.findingsTab)
    model = window.standards_model
    assert model.rowCount() == sum(s.graded for s in s175_set.standards)
    before = model.rows[0].grades.meeting
    window.form.basisChooser.setCurrentIndex(window.form.basisChooser.findData("moderated"))
    after = model.rows[0].grades
    assert after.counts[0] == (lowest.id, after.counts[0][1]) and after.counts[0][1] >= 1
    assert after.meeting <= before
    assert "2 returns of 3 expected" in window.form.findingsSummary.text()
    items = window.items_model
    assert items.rowCount() > 10


def _findings_pdf_and_workbook(window, tmp_path, messages, monkeypatch) -> None:
    """Findings PDF and workbook, written in the background."""
    pdf = tmp_path / "findings.pdf"
    suggested: list[str] = []

    def save_as(_parent, _title, start, *_args, **_kwargs):
        suggested.append(start)
        return str(pdf), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.write_findings("pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    # The cycle's name ("2026/27") is not taken as a folder in the name offered.
    assert "/" in window.cycle.name and Path(suggested[0]).name == f"{window.cycle.name.replace('/', '-')} findings.pdf"
    xlsx = tmp_path / "findings.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(xlsx), "")))
    window.write_findings("xlsx")
    assert xlsx.read_bytes().startswith(b"PK")
    assert messages.texts("warning") == []


def test_drop_a_return_and_add_an_organisation_and_chase(qtbot, window, tmp_path, s175_set, messages, monkeypatch):
    stranger = OrganisationDetails("Riverside Nursery", "URN 999999", "education", "early_years")
    dropped = _signed_return(tmp_path, stranger, s175_set, seed=7)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    [row] = window.returns_model.rows
    assert row.state == "unmatched"

    def add(dialog: OrganisationDialog) -> None:
        qtbot.keyClicks(dialog.form.orgName, "Riverside Nursery")
        qtbot.keyClicks(dialog.form.reference, "URN 999999")
        dialog.form.orgType.setCurrentIndex(dialog.form.orgType.findData("early_years"))
        assert dialog.form.sector.currentText() == "Education"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert when_dialog(OrganisationDialog, add) is not None
    qtbot.mouseClick(window.form.addOrganisationButton, Qt.MouseButton.LeftButton)
    assert "Riverside Nursery" in _statuses(window)

    chase = tmp_path / "chase.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(chase), "")))
    qtbot.mouseClick(window.form.chaseListButton, Qt.MouseButton.LeftButton)
    text = chase.read_text(encoding="utf-8-sig")
    assert "Oakfield Primary School" in text and "head0@example.org" in text


def test_hostile_returns_are_rejected_one_line_each_and_the_rest_imported(qtbot, window, workspace, tmp_path,
                                                                         s175_set, messages):
    import json
    import zipfile

    from s11audit.returns.format import write_zip

    folder = tmp_path / "returns"
    folder.mkdir()
    good = _signed_return(folder, SCHOOLS[0], s175_set, seed=1)
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    content = json.loads(members["return.json"])
    content["organisation"]["name"] = "Forged\nbroken.s11return: imported\u202e"
    members["return.json"] = json.dumps(content).encode()  # changed after signing: invalid, name still read
    write_zip(folder / "aaa-forged.s11return", list(members.items()))
    (folder / "aab-bomb.s11return").write_bytes(b"PK\x05\x06" + bytes(18))

    window.import_paths([folder])
    report = [window.form.importReport.item(i).text() for i in range(window.form.importReport.count())]
    assert len(report) == 3 and all("\n" not in line and "\u202e" not in line for line in report)
    forged = next(line for line in report if line.startswith("aaa-forged.s11return"))
    assert "(Forged\\nbroken.s11return: imported\\u202e)" in forged
    assert ": rejected. not a valid signed return" in forged
    assert any(line.startswith("aab-bomb.s11return: rejected") for line in report)
    assert _statuses(window)["Oakfield Primary School"] == "Returned"
    assert "1 imported" in messages.texts("information")[-1]
