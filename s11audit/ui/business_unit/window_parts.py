"""What the tab mixins (``register_tab``, ``returns_tab``, ``findings_tab``) use of ``BusinessUnitWindow``.

Each tab is a mixin class of the window: its methods run on the window and use its form, workspace,
cycle, jobs and Qt methods. :class:`WindowParts` declares those for the type checker only (at run
time it is a plain class with no attributes but :meth:`shown_cycle`, and the window defines them all),
so every use in a tab is checked against the window's real types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow

from s11audit.business_unit.tracking import OrganisationStatus
from s11audit.business_unit.workspace import CycleRow, Workspace
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm

# A background job's work: ``work(workspace, progress, cancelled)`` on its own connection (``run_job``).
JobWork = Callable[[Workspace, Callable[[int, int, str], None], Callable[[], bool]], Any]
# What ``run_job`` returns: ``(result, error, cancelled)``, or None when the window was closed meanwhile.
JobResult = tuple[Any, BaseException | None, bool] | None

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class WindowParts(_Base):
    """The business unit window as its tab mixins see it (defined by ``window.BusinessUnitWindow``)."""

    form: BusinessUnitWindowForm
    workspace: Workspace
    statuses: list[OrganisationStatus]  # the shown cycle's (register_tab), for the chase list and summary

    if TYPE_CHECKING:
        @property
        def cycle(self) -> CycleRow | None: ...

        @property
        def busy(self) -> bool: ...

        def refresh(self) -> None: ...

        def run_job(self, title: str, running: str, work: JobWork, cancellable: bool = True,
                    changes: bool = True) -> JobResult: ...

        def _apply(self, change: Callable[[], object], title: str, returns_changed: bool = True,
                   moderated: int | None = None) -> bool: ...

    def shown_cycle(self) -> CycleRow:
        """The cycle on show, where one must be: the tabs are disabled while there is none."""
        cycle = self.cycle
        if cycle is None:
            raise LookupError("no audit cycle is shown (the tabs are disabled without one)")
        return cycle
