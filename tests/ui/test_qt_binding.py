"""What the app needs of the Qt binding installed: it keeps Python's reference count of None
(PySide6 6.12.0 dropped one on every Qt call that returns nothing, so a long session aborted with
"none_dealloc" on Python 3.11), and a wrapping row keeps the buttons it took from its form
(PySide6 6.11 deleted them once the Python side of the box holding the row was gone)."""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QHBoxLayout

from s11audit.ui.flow_layout import wrap_row
from s11audit.ui.forms import load_form


def test_qt_calls_that_return_nothing_keep_the_count_of_none(qapp):
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(500):
        holder.setObjectName("x")
        QApplication.processEvents()
    assert abs(sys.getrefcount(None) - before) < 50  # 6.12.0: about 1,000 fewer


def test_a_wrapping_row_keeps_its_buttons(qapp):
    form = load_form("action_plan_view")
    flow = wrap_row(form.findChild(QHBoxLayout, "buttonRow"))  # the box holding the row is not kept here
    QApplication.processEvents()
    assert flow.count() == 4
    assert all(shiboken6.isValid(flow.itemAt(i)) and flow.itemAt(i).widget() is not None for i in range(4))
