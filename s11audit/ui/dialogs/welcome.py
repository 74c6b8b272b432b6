"""Help > Welcome, also shown the first time the app starts: the three kinds of user and what each
clicks first, with a completed sample audit to explore.

The dialog only says what was chosen (``chosen``); the main window does it, so the same actions as
its menus are used. Closing it in any way marks the welcome as seen in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.welcome_dialog import WelcomeDialogForm

NEW_FILE = "new_file"
WORKSPACE = "workspace"
GUIDE = "guide"
SAMPLE_SCHOOL = "sample:education"
SAMPLE_AGENCY = "sample:agency"


class WelcomeDialog(FormDialog[WelcomeDialogForm]):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(WelcomeDialogForm, parent)
        form = self.form
        for button, choice in ((form.schoolNewButton, NEW_FILE), (form.agencyNewButton, NEW_FILE),
                               (form.schoolSampleButton, SAMPLE_SCHOOL), (form.agencySampleButton, SAMPLE_AGENCY),
                               (form.workspaceButton, WORKSPACE), (form.guideButton, GUIDE)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        form.schoolNewButton.setFocus()

    def _choose(self, choice: str) -> None:
        self.accept()  # out of the way first, so what follows has the main window to sit on
        self.chosen.emit(choice)


SAMPLE_SETS = {"education": "s175-kcsie2025", "agency": "s11-wt2023"}
# Named anew when the sample was marked SAMPLE (issue 14), so an unmarked sample made by an earlier
# version is left as it was and a marked one is made beside it.
SAMPLE_NAMES = {"education": "SAMPLE school audit (Riverside Primary).s11audit",
                "agency": "SAMPLE agency audit (Northfield).s11audit"}


def sample_folder():
    """Where samples are written: the user's Documents (their data folder when S11AUDIT_HOME is set,
    as in tests); never beside the program."""
    import os
    from pathlib import Path

    import platformdirs

    from s11audit.paths import user_data_dir

    if os.environ.get("S11AUDIT_HOME"):
        return user_data_dir() / "Samples"
    return Path(platformdirs.user_documents_dir()) / "s11audit samples"


def sample_file(kind: str, sets):
    """The sample audit for a school ("education") or agency, made the first time it is asked for.

    Not signed off: the sample is complete, so the user can try signing it off and exporting the
    return themselves. It is marked SAMPLE (``sample.make_sample``): its name, its PDFs and its return
    say so, and a business unit will not import it. None when no standards set for that kind of
    organisation is loaded.
    """
    from s11audit.sample import make_sample

    wanted = ([s for s in sets if s.id == SAMPLE_SETS.get(kind)]
              or [s for s in sets if s.organisation_kinds[:1] == (kind,)])
    if not wanted:
        return None
    path = sample_folder() / SAMPLE_NAMES.get(kind, f"Sample {kind} audit.s11audit")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        make_sample(path, wanted[0])
    return path
