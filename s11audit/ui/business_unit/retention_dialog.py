"""The business unit's Retention dialog: how long the workspace keeps evidence files, narratives and whole
returns, and what is past those periods now (each item with its files and size, and the totals).

The dialog only chooses: it asks the core for the preview of the periods shown (``preview_of``, run on the
UI thread, which owns the workspace) and hands back the periods and whether to apply them. The window saves
the periods, asks to confirm, and runs the deletion and the compaction as a job (``register_tab``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QSpinBox, QWidget

from s11audit.business_unit.retention_policy import RetentionPolicy
from s11audit.safe_text import shown
from s11audit.ui.business_unit.tables import rows_table
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.file_sizes import files_text, period_text, size_text
from s11audit.ui.generated.retention_dialog import RetentionDialogForm
from s11audit.ui.row_table_model import Column, RowTableModel

KIND_WORDS = {"evidence": "Evidence files", "narratives": "Narratives", "returns": "Whole return",
              "return": "Whole return", "narrative": "Narratives"}
APPLY = "&Apply retention…"
SAVE_ONLY = "&Save periods only"


def kept_text(policy: RetentionPolicy) -> str:
    """The window's line: "Kept: evidence 2 years, narratives 3 years, whole returns 6 years"."""
    return (f"Kept: evidence {period_text(policy.evidence_months)}, "
            f"narratives {period_text(policy.narratives_months)}, whole returns {period_text(policy.returns_months)}")


class RetentionItemsModel(RowTableModel[Any]):
    """The preview's items (``retention.RetentionItem``): kind, cycle, organisation, what, files, size."""

    columns = (Column("Kind", lambda i: KIND_WORDS.get(i.kind, str(i.kind))),
               Column("Cycle", lambda i: shown(i.cycle)),
               Column("Organisation", lambda i: shown(i.organisation), tooltip=lambda i: shown(i.reference)),
               Column("What", lambda i: shown(i.what), tooltip=lambda i: shown(i.what)),
               Column("Files", lambda i: i.files, sort=lambda i: i.files),
               Column("Size", lambda i: size_text(i.bytes), sort=lambda i: i.bytes))


def totals_text(files: int, size: int, items: int) -> str:
    if not items:
        return "Nothing is past these periods: applying retention deletes nothing."
    return f"In all: {files_text(files, size)} ({items} item{'' if items == 1 else 's'} to delete)."


class RetentionDialog(FormDialog[RetentionDialogForm]):
    """Choose the three periods, see what is past them; ``apply`` (OK) or ``save_only`` after it closes."""

    def __init__(self, parent: QWidget | None, policy: RetentionPolicy,
                 preview_of: Callable[[RetentionPolicy], Any]):
        super().__init__(RetentionDialogForm, parent)
        form = self.form
        self._preview_of = preview_of
        self.preview: Any = None
        self.save_only = False  # "Save periods only" closed it: keep the periods, delete nothing
        self.set_ok_text(APPLY)
        save = QPushButton(SAVE_ONLY)
        save.setAccessibleName(SAVE_ONLY.replace("&", ""))
        self.buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self._save_only)
        self.model = RetentionItemsModel(self)
        rows_table(form.previewTable, self.model, (120, 80, 200, 220, 50, 70))
        form.periodsHint.setText("Each period is counted from the due date of the cycle the data belongs to. "
                                 "Whole returns: the return with its evidence, narratives and moderation.")
        for box, months in ((form.evidenceMonths, policy.evidence_months),
                            (form.narrativesMonths, policy.narratives_months),
                            (form.returnsMonths, policy.returns_months)):
            box.setValue(months or 0)
            box.valueChanged.connect(self._show_preview)
        self._show_preview()
        form.evidenceMonths.setFocus()

    @staticmethod
    def _months(box: QSpinBox) -> int | None:
        return box.value() or None  # the special value 0 reads "Keep for ever"

    def policy(self) -> RetentionPolicy:
        form = self.form
        return RetentionPolicy(evidence_months=self._months(form.evidenceMonths),
                               narratives_months=self._months(form.narrativesMonths),
                               returns_months=self._months(form.returnsMonths))

    def _show_preview(self) -> None:
        self.preview = preview = self._preview_of(self.policy())
        self.model.set_rows(list(preview.items))
        self.form.totals.setText(totals_text(preview.files, preview.bytes, len(preview.items)))
        self.set_ok_enabled(bool(preview.items))

    def _save_only(self) -> None:
        self.save_only = True
        self.done(self.DialogCode.Accepted)
