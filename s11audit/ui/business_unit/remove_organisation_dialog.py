"""Removing organisations from the register: whether to also delete their returns, evidence and moderation
completely (off unless ticked), with what that deletes from the workspace (``Workspace.deletion_preview``).

The window does the removing and, when deleting, compacts the file after it as a job (``register_tab``).
"""

from __future__ import annotations

from collections.abc import Sequence
from PySide6.QtWidgets import QWidget

from s11audit.business_unit.deletion import RemovalReport
from s11audit.safe_text import shown
from s11audit.ui.file_sizes import size_text
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.remove_organisation_dialog import RemoveOrganisationDialogForm

NAMES_LISTED = 10  # organisations named before "…" for the rest
KEPT = ("Their imported returns stay in this workspace, no longer linked to the register, until retention "
        "deletes them.")


def plural(count: int, word: str) -> str:
    """"1 return", "3 returns"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def deletion_text(removal: RemovalReport, ticked: bool) -> str:
    """What deleting completely takes away, in words."""
    if not (removal.returns or removal.evidence_files or removal.moderations):
        return "This workspace holds no returns of theirs: there is nothing more to delete."
    with_what = [plural(removal.evidence_files, "evidence file")] if removal.evidence_files else []
    with_what += [plural(removal.moderations, "moderated grade")] if removal.moderations else []
    return (f"{'This' if ticked else 'Ticked, this'} also deletes {plural(removal.returns, 'return')}"
            + (f" with {' and '.join(with_what)}" if with_what else "")
            + f" ({size_text(removal.bytes)} in all) from this workspace for good; the file is then compacted so "
            "they cannot be recovered from it.")


def total(previews: Sequence[RemovalReport]) -> RemovalReport:
    """What removing several organisations deletes, added up."""
    return RemovalReport(sum(p.returns for p in previews), sum(p.evidence_files for p in previews),
                         sum(p.bytes for p in previews), sum(p.moderations for p in previews),
                         sum(p.peer_records for p in previews))


class RemoveOrganisationDialog(FormDialog[RemoveOrganisationDialogForm]):
    """Remove ``names`` from this cycle's register; ``delete_returns()`` after it closes with Remove."""

    def __init__(self, parent: QWidget | None, names: Sequence[str], previews: Sequence[RemovalReport]):
        super().__init__(RemoveOrganisationDialogForm, parent)
        form = self.form
        listed = "\n".join(f"• {shown(name)}" for name in names[:NAMES_LISTED])
        more = "\n…" if len(names) > NAMES_LISTED else ""
        form.question.setText(f"Remove from this cycle's register?\n\n{listed}{more}")
        self.set_ok_text("&Remove")
        self._removal = total(previews)
        form.deleteReturns.setChecked(False)
        form.deleteReturns.toggled.connect(self._show_figures)
        self._show_figures()
        form.deleteReturns.setFocus()

    def _show_figures(self) -> None:
        ticked = self.delete_returns()
        deletion = deletion_text(self._removal, ticked)
        self.form.figures.setText(deletion if ticked else f"{KEPT}\n\n{deletion}")

    def delete_returns(self) -> bool:
        return self.form.deleteReturns.isChecked()
