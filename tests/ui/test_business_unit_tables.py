"""The register and returns tables sort dates and numbers by value (one column specification each)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt

from s11audit.business_unit.tracking import NOT_RETURNED, RETURNED
from s11audit.business_unit.workspace import OrganisationRow, ReturnRow
from s11audit.ui.business_unit.tables import RegisterModel, ReturnsModel
from s11audit.ui.row_table_model import SORT_ROLE, RowSortProxy


def _return(n: int, signed: dt.datetime, version: int) -> ReturnRow:
    return ReturnRow(n, 1, n, "0" * 64, f"r{n}.s11return", f"URN {n}", f"School {n}", "ab:cd", version, signed,
                     None, signed, "officer", "current")


def _sorted(model, column: int, order=Qt.SortOrder.AscendingOrder) -> list:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(column, order)
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_returns_sort_dates_by_date_and_versions_by_number(qapp):
    model = ReturnsModel()
    model.set_rows([_return(1, dt.datetime(2027, 2, 2, 9), 10), _return(2, dt.datetime(2027, 3, 1, 9), 9),
                    _return(3, dt.datetime(2027, 2, 1, 9), 2)])
    assert _sorted(model, 3) == ["01 Feb 2027 09:00", "02 Feb 2027 09:00", "01 Mar 2027 09:00"]
    assert _sorted(model, 2) == [2, 9, 10]
    assert _sorted(model, 2, Qt.SortOrder.DescendingOrder) == [10, 9, 2]


def test_register_sorts_returned_by_date_with_not_returned_first(qapp):
    model = RegisterModel()
    rows = [(OrganisationRow(f"School {n}", f"URN {n}", id=n, cycle_id=1), RETURNED if when else NOT_RETURNED, when)
            for n, when in enumerate([dt.datetime(2027, 3, 1), None, dt.datetime(2027, 2, 2), dt.datetime(2027, 2, 1)])]
    model.set_rows(rows)
    assert _sorted(model, 5) == ["", "01 Feb 2027 00:00", "02 Feb 2027 00:00", "01 Mar 2027 00:00"]
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Returned"


def test_the_model_sorts_itself_behind_a_view_and_keeps_its_order_as_rows_change(qapp):
    from PySide6.QtWidgets import QTableView

    model = ReturnsModel()
    model.set_rows([_return(1, dt.datetime(2027, 2, 2, 9), 10), _return(2, dt.datetime(2027, 3, 1, 9), 9),
                    _return(3, dt.datetime(2027, 2, 1, 9), 2)])
    view = QTableView()
    proxy = RowSortProxy(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    view.selectRow(2)  # 01 Mar 2027

    def shown():
        return [proxy.index(row, 3).data() for row in range(proxy.rowCount())]

    assert shown() == ["01 Feb 2027 09:00", "02 Feb 2027 09:00", "01 Mar 2027 09:00"]
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.update_rows([_return(1, dt.datetime(2027, 2, 2, 9), 10), _return(2, dt.datetime(2027, 1, 5, 9), 9),
                       _return(3, dt.datetime(2027, 2, 1, 9), 2), _return(4, dt.datetime(2027, 2, 1, 12), 1)],
                      lambda row: row.id)
    assert resets == []
    assert shown() == ["05 Jan 2027 09:00", "01 Feb 2027 09:00", "01 Feb 2027 12:00", "02 Feb 2027 09:00"]
    [selected] = view.selectionModel().selectedRows()
    assert selected.data() == "School 2"  # the selection followed its row
