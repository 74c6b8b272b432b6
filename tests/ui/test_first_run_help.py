"""First run, Help > User guide, Help > Welcome and Help > About, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from s11audit import __version__
from s11audit.paths import user_data_dir
from s11audit.ui import app as app_module
from s11audit.ui.dialogs.about import AboutDialog
from s11audit.ui.dialogs.user_guide import UserGuideWindow, guide_dir, slug
from s11audit.ui.dialogs.welcome import WelcomeDialog, sample_folder
from s11audit.ui.settings import Settings
from tests.ui.shell_support import when_dialog

# The offscreen test platform cannot resize to hints or raise windows; Windows and X11 can.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)",
                                       r"This plugin does not support raise\(\)")


def test_welcome_is_shown_on_first_run_only(qtbot, monkeypatch):
    seen: list[object] = []

    def fake_exec(app):
        # The welcome is put up once the event loop runs; look, close it, and leave.
        def look():
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow" and w.isVisible())
            seen.append(window.welcome_dialog)
            if window.welcome_dialog is not None:
                window.welcome_dialog.reject()
            window.close()
            window.deleteLater()
        QTimer.singleShot(50, look)
        qtbot.wait(200)
        return 0

    monkeypatch.setattr(type(QApplication.instance() or app_module.application()), "exec", fake_exec)
    assert not Settings().welcome_seen
    assert app_module.main(["s11audit"]) == 0
    assert isinstance(seen[0], WelcomeDialog)
    assert Settings().welcome_seen  # closed, so never again
    assert app_module.main(["s11audit"]) == 0
    assert seen[1] is None


def test_welcome_can_be_shown_again_from_help(shown_window, qtbot):
    Settings().welcome_seen = True
    assert shown_window.welcome_if_first_run() is None
    shown_window.actionWelcome.trigger()
    dialog = shown_window.welcome_dialog
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    texts = " ".join(label.text() for label in (dialog.form.schoolText, dialog.form.agencyText, dialog.form.unitText))
    assert "section 175/157" in texts and "section 11" in texts and "findings" in texts
    assert "New audit file" in texts and "New business unit workspace" in texts
    qtbot.mouseClick(dialog.form.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert shown_window.welcome_dialog is None


@pytest.mark.parametrize(("button", "kind", "set_id", "organisation"), [
    ("schoolSampleButton", "education", "s175-kcsie2025", "SAMPLE \u2013 Riverside Primary School (not a real school)"),
    ("agencySampleButton", "agency", "s11-wt2023",
     "SAMPLE \u2013 Northfield Community Health Trust (not a real organisation)"),
])
def test_explore_a_sample_opens_a_completed_audit(shown_window, qtbot, button, kind, set_id, organisation):
    dialog = shown_window.welcome_if_first_run()
    qtbot.mouseClick(getattr(dialog.form, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_window.document is not None, timeout=20000)
    assessment = shown_window.document.assessment
    assert assessment.standards_set.id == set_id
    assert shown_window.organisationName.text() == organisation
    assert shown_window.audit_file.is_sample  # its exports are marked SAMPLE; a business unit refuses its return
    assert assessment.completeness().percent == 100 and not assessment.is_signed
    path = shown_window.audit_file.path
    assert path.parent == sample_folder() and path.is_relative_to(user_data_dir())
    assert Settings().welcome_seen
    assert Settings().recent_files()[0] == path.resolve()
    # Asked again, the same sample is opened, not a new one made.
    shown_window.close_file()
    qtbot.wait(50)  # as between a person's clicks: the closed audit's views are gone
    assert shown_window.open_sample(kind)
    assert shown_window.audit_file.path == path


def test_role_buttons_start_a_new_file_a_workspace_or_the_guide(shown_window, qtbot, monkeypatch):
    done: list[str] = []
    monkeypatch.setattr(shown_window, "new_file", lambda: done.append("new_file"))
    monkeypatch.setattr(shown_window, "new_workspace", lambda: done.append("workspace"))
    for button, expected in (("schoolNewButton", "new_file"), ("agencyNewButton", "new_file"),
                             ("workspaceButton", "workspace")):
        done.clear()
        dialog = shown_window.show_welcome()
        qtbot.mouseClick(getattr(dialog.form, button), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda e=expected: done == [e])
        assert shown_window.welcome_dialog is None  # closed (and marked as seen)
    dialog = shown_window.show_welcome()
    qtbot.mouseClick(dialog.form.guideButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_window.guide_window is not None and shown_window.guide_window.isVisible())


def test_user_guide_renders_and_links_move_within_it(shown_window, qtbot):
    shown_window.actionUserGuide.trigger()
    guide = shown_window.guide_window
    assert isinstance(guide, UserGuideWindow) and guide.isVisible()
    assert not guide.isModal()
    qtbot.waitExposed(guide)
    titles = [title for _, title, _ in guide.headings]
    assert titles[0] == "s11audit user guide"
    assert {"Sign off", "Send the return", "For the partnership business unit",
            "For a school or college DSL: the section 175/157 audit",
            "For an agency safeguarding lead: the section 11 return"} <= set(titles)
    html = guide.form.browser.toHtml()
    assert "<h2" in html and "never uses the network" in guide.form.browser.toPlainText()
    # Every link to a section of the guide has a heading to go to.
    text = (guide_dir() / "user-guide.md").read_text(encoding="utf-8")
    import re
    anchors = {anchor for _, _, anchor in guide.headings}
    assert set(re.findall(r"\]\(#([^)]+)\)", text)) <= anchors
    # Images the guide shows are shipped beside it.
    for image in re.findall(r"!\[[^]]*\]\(([^)#]+)\)", text):
        assert (guide_dir() / image).is_file(), image

    bar = guide.form.browser.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    guide.form.browser.anchorClicked.emit(QUrl(f"#{slug('Send the return')}"))
    assert bar.value() > 0
    assert guide.form.backButton.isEnabled()
    qtbot.mouseClick(guide.form.backButton, Qt.MouseButton.LeftButton)
    assert bar.value() == 0


def test_web_links_in_the_guide_are_shown_not_opened(shown_window, qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    guide = shown_window.show_user_guide()
    guide.form.browser.anchorClicked.emit(QUrl("https://www.gov.uk/government/publications/keeping-children-safe-in-education--2"))
    assert not opened
    assert "gov.uk" in guide.form.linkNote.text() and "not" in guide.form.linkNote.text().lower()
    assert shown_window.show_user_guide() is guide  # one guide window at a time


def test_about_lists_sets_versions_places_fonts_and_offline(shown_window, qtbot):
    def check(dialog: AboutDialog) -> None:
        form = dialog.form
        model = form.setsTable.model()
        rows = {model.index(r, 1).data(): (model.index(r, 2).data(), model.index(r, 3).data())
                for r in range(model.rowCount())}
        report = shown_window.catalogue.report()
        assert set(rows) == {s.id for s in report.sets} >= {"s11-wt2023", "s175-kcsie2025", "s11-peer-audit"}
        for standards_set in report.sets:
            assert rows[standards_set.id] == (standards_set.version, "shipped with the app")
        assert __version__ in form.title.text()
        assert str(Settings().path) in form.places.text() and str(sample_folder()) in form.places.text()
        assert "DejaVu" in form.fonts.text() and "Noto Sans Arabic" in form.fonts.text()
        assert "SIL Open Font License" in form.licences.toPlainText()
        assert "never uses the network" in form.offline.text()
        dialog.reject()

    seen = when_dialog(AboutDialog, check)
    shown_window.actionAbout.trigger()
    assert seen


def test_about_says_when_a_set_comes_from_the_users_folder(shown_window, qtbot):
    from s11audit.paths import shipped_standards_dir, user_standards_dir

    user_standards_dir().mkdir(parents=True)
    text = (shipped_standards_dir() / "s11-peer-audit.yaml").read_text(encoding="utf-8")
    (user_standards_dir() / "local.yaml").write_text(
        text.replace("id: \"s11-peer-audit\"", "id: \"local-peer-audit\"", 1), encoding="utf-8")
    report = shown_window.catalogue.report()
    assert "local-peer-audit" in {s.id for s in report.sets}, report.skipped
    dialog = AboutDialog(shown_window, report, Settings().path)
    model = dialog.form.setsTable.model()
    rows = {model.index(r, 1).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert rows["local-peer-audit"] == "your standards folder"
    dialog.deleteLater()


def test_guide_is_shipped_and_readme_points_at_it():
    assert (guide_dir() / "user-guide.md").is_file()
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "resources/guide/user-guide.md" in readme
    assert "never uses the network" in readme
