"""What the app needs of the Qt binding: it keeps Python's reference count of None (PySide6 6.12.0
dropped one on every Qt call that returns nothing, so a session aborted with "none_dealloc" on
Python 3.11 after a few thousand calls), and a wrapping row neither loses its buttons nor leaves
anything for Python to delete after its window is gone (under PySide6 6.11 the row's items, owned
by Python, were deleted at a later garbage collection after their widgets: a crash)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from s11audit.ui.flow_layout import wrap_row
from s11audit.ui.generated.action_plan_view import ActionPlanViewForm


def test_qt_calls_that_return_nothing_keep_the_count_of_none(qapp):
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(500):
        holder.setObjectName("x")
        QApplication.processEvents()
    assert abs(sys.getrefcount(None) - before) < 50  # 6.12.0: about 1,000 fewer


def test_a_wrapping_row_keeps_its_buttons(qtbot):
    form = ActionPlanViewForm()
    qtbot.addWidget(form)
    flow = wrap_row(form.buttonRow)
    QApplication.processEvents()
    assert flow.count() == 4
    items = [flow.itemAt(i) for i in range(4)]
    assert all(item is not None and shiboken6.isValid(item) and item.widget() is not None for item in items)
    assert {item.widget().parent() for item in items if item is not None} == {form}  # no widget moved


def test_a_window_with_wrapping_rows_is_taken_down_and_collected_without_a_crash():
    """In a process of its own: the failure this guards against is a segmentation fault."""
    code = textwrap.dedent("""
        import gc, os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import shiboken6
        from PySide6.QtWidgets import QApplication
        from s11audit.ui.flow_layout import wrap_row
        from s11audit.ui.generated.action_plan_view import ActionPlanViewForm

        app = QApplication([])
        for _ in range(20):
            form = ActionPlanViewForm()
            form.rows = [wrap_row(form.filterRow), wrap_row(form.buttonRow)]  # kept, as the windows keep them
            form.show()
            app.processEvents()
            shiboken6.delete(form)  # the window closed (WA_DeleteOnClose): Qt deletes it first
            app.processEvents()
            del form
            gc.collect()  # then Python lets go of what it still held
        print("taken down")
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0 and "taken down" in run.stdout, run.stderr[-2000:]
