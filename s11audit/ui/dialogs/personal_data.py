"""Where personal data enters an audit (issue 17): the notice before the first evidence of an audit, and
the second look at a file or text that seems to name a child.

The notice says what not to attach and how to take personal details out; it shows the first time
evidence is added to an audit (a full audit or a compliance statement), in whichever session that is:
that it was shown is kept in the audit file (``AuditFile.mark_personal_data_notice_seen``). OK goes on
to the file chooser, Cancel adds nothing. The second look (``s11audit.personal_data``) only asks: the
person can always attach the file or keep the words.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from s11audit.personal_data import Hint, in_words
from s11audit.safe_text import shown
from s11audit.store import AuditFile
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.personal_data_notice import PersonalDataNoticeForm
from s11audit.ui.wrapped_labels import keep_whole


class PersonalDataNotice(FormDialog[PersonalDataNoticeForm]):
    """What not to attach and how to redact; OK goes on to choose the file."""

    def __init__(self, parent: QWidget | None = None, ok_text: str = "&OK, choose the file\u2026"):
        super().__init__(PersonalDataNoticeForm, parent)
        keep_whole(self.form)  # every line of the lists shown, at any text size (scrolling if need be)
        for plain in (self.form.noticeScroll.viewport(), self.form.scrollContents):
            plain.setAutoFillBackground(False)  # the dialog's own background, not a box round the words
        for label in self.form.scrollContents.findChildren(QLabel):
            # Placed in the scroll area before the form gave them their role: style them by it now.
            label.style().unpolish(label)
            label.style().polish(label)
        self.set_ok_text(ok_text)
        if self.ok_button is not None:
            self.ok_button.setDefault(True)
            self.ok_button.setFocus()


def before_adding_evidence(parent: QWidget | None, audit_file: AuditFile, audit_id: int,
                           ok_text: str = "&OK, choose the file\u2026") -> bool:
    """Show the notice if it has not been shown for this audit yet; False when the person cancels it.

    Shown is shown: it is kept as seen whichever button closed it (on a read-only file it is not kept)."""
    if audit_file.personal_data_notice_seen(audit_id):
        return True
    dialog = PersonalDataNotice(parent, ok_text)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
    audit_file.mark_personal_data_notice_seen(audit_id)
    return accepted


def second_look_box(parent: QWidget | None, title: str, question: str, hints: list[Hint], yes: str,
                    no: str) -> QMessageBox:
    """The question asked when something looks like it may name a child (built, not shown: see ``ask``).
    The safe answer is the default, so Return and Escape both keep it out."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText("If it is not needed, take it out first (initials or \u201cChild A\u201d instead of a "
                           "name, no dates of birth or NHS numbers), or attach a summary instead. "
                           + hints[0].why)
    keep = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    for button in (keep, drop):
        button.setAccessibleName(button.text().replace("&", ""))
    box.setDefaultButton(drop)
    box.setEscapeButton(drop)
    box.setProperty("keep_button", keep)
    return box


def ask(box: QMessageBox) -> bool:
    """Show a second-look question; True when the person chose to go ahead."""
    try:
        box.exec()
        return box.clickedButton() is box.property("keep_button")
    finally:
        box.deleteLater()


def attach_anyway(parent: QWidget | None, name: str, hints: list[Hint]) -> bool:
    """Ask about one evidence file whose name or text looks like it may name a child; True to attach it."""
    question = (f"\u201c{shown(name)}\u201d looks like it may name a child: it seems to include "
                f"{in_words(hints)}.\n\nAttach it anyway?")
    return ask(second_look_box(parent, "Check before you attach", question, hints, "&Attach", "&Don't attach"))


def keep_anyway(parent: QWidget | None, what: str, hints: list[Hint]) -> bool:
    """Ask about a name or description typed for evidence; True to save it as typed."""
    question = f"This {what} looks like it may name a child: it seems to include {in_words(hints)}.\n\nSave it anyway?"
    return ask(second_look_box(parent, "Check before you save", question, hints, "&Save", "&Don't save"))
