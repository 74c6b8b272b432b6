"""The findings workbook's Data sheet, streamed as XML (``reports/xlsx_stream``), read back with openpyxl
as openpyxl's own writing of the same rows reads (the writer before issue 12, kept here as the
reference): the same sheets, headers, values, types, number formats, styles and sheet setup; text
that looks like a formula stays text; a failure leaves no file."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from openpyxl.cell import WriteOnlyCell

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.findings_rows import Question, data_row_count, data_rows
from s11audit.business_unit.records import ReturnRecord
from s11audit.reports import ReportError, findings_xlsx
from s11audit.reports.atomic import save_workbook
from s11audit.reports.findings_xlsx import DATE, PERCENT, write_findings_xlsx
from s11audit.reports.xlsx import FORMULA_STARTS, put_text
from s11audit.reports.xlsx_print import sortable
from tests.core.test_findings import TODAY, make_set, records

URDU = "\u0645\u062d\u0641\u0648\u0638 \u0627\u0633\u06a9\u0648\u0644"


def _openpyxl_data_rows(standards_set, kept, basis):
    """The Data rows as the writer before issue 12 wrote them: each cell through openpyxl."""

    def save(workbook, sheet, cells, rows, out_path):
        def text(value):
            if value and value.startswith(FORMULA_STARTS):
                cell = WriteOnlyCell(sheet)
                put_text(cell, value)
                return cell
            return value

        for row in data_rows(standards_set, kept, basis=basis):
            if row.value is None:
                answer = text(row.answer)
            elif row.is_percentage:
                answer = WriteOnlyCell(sheet, row.value / 100)
                answer.number_format = PERCENT
            elif isinstance(row.value, dt.date):
                answer = WriteOnlyCell(sheet, row.value)
                answer.number_format = DATE
            else:
                answer = row.value
            sheet.append([text(row.reference), text(row.name), text(row.sector), row.org_type, sortable(row.standard),
                          row.item, text(row.question), answer] + ([row.group] if standards_set.groups else []))
        return save_workbook(workbook, out_path)

    return save


def _both(monkeypatch, tmp_path, findings, standards_set, recs):
    streamed = write_findings_xlsx(findings, standards_set, recs, tmp_path / "streamed.xlsx", partnership="P",
                                   cycle="2026/27")
    with monkeypatch.context() as patch:
        patch.setattr(findings_xlsx, "save_with_streamed_rows",
                      _openpyxl_data_rows(standards_set, recs, findings.basis))
        reference = write_findings_xlsx(findings, standards_set, recs, tmp_path / "reference.xlsx", partnership="P",
                                        cycle="2026/27")
    return streamed, reference


def _cell(c) -> tuple:
    """A cell as read-only openpyxl reads it: value, type, number format, bold, fill, shown as typed."""
    if c.value is None:  # no cell, or one without a value: the same to whoever reads the sheet
        return (None,)
    return (c.value, c.data_type, c.number_format, c.font.b, c.fill.fgColor.rgb if c.fill.fill_type else None,
            bool(c.style_array.quotePrefix))


def _cells(path):
    book = load_workbook(path, read_only=True)
    try:
        return {sheet.title: [[_cell(c) for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets}
    finally:
        book.close()


def _data_values(path) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book["Data"].iter_rows(values_only=True))
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


def _setup(path):
    book = load_workbook(path)
    return {s.title: (s.freeze_panes, s.auto_filter.ref, {k: d.width for k, d in s.column_dimensions.items()},
                      s.page_setup.orientation, s.page_setup.fitToWidth, s.print_title_rows)
            for s in book.worksheets}


def _hostile(recs: list[ReturnRecord]) -> list[ReturnRecord]:
    """Text from returns that XML, Excel or a careless writer could get wrong."""
    recs[0] = replace(recs[0], reference="=HYPERLINK(\"x\")", name="Smith & Sons <Academy>",
                      answers={**recs[0].answers, "1.6": "-1"})
    recs[1] = replace(recs[1], name=f"  {URDU}  ", sector="@Schools", reference="+44 1234")
    recs[2] = replace(recs[2], name="Line one\r\nline two", answers={**recs[2].answers, "1.5": "not a date"})
    return recs


def test_data_sheet_reads_as_openpyxl_wrote_it(monkeypatch, tmp_path):
    recs = _hostile(records())
    findings = compute_findings(make_set(), recs, expected=5, reference_date=TODAY)
    streamed, reference = _both(monkeypatch, tmp_path, findings, make_set(), recs)
    got, want = _cells(streamed), _cells(reference)
    assert list(got) == ["About", "Standards", "Items", "By sector", "By type", "Data"]
    assert got == want
    setup = _setup(streamed)
    assert setup == _setup(reference)
    assert setup["Data"][:2] == ("A2", "A1:H41") and setup["Data"][3:] == ("landscape", 1, "$1:$1")
    data = got["Data"]
    assert [c[0] for c in data[0]] == ["Reference", "Organisation", "Sector", "Type", "Standard", "Item",
                                       "Question", "Answer"]
    assert data[0][0][3] and data[0][0][4] == "001F3A5F"  # the styled header
    assert len(data) == 1 + 40
    assert data[1][0][:2] == ("=HYPERLINK(\"x\")", "s") and data[1][0][5]  # shown as typed, never a formula
    assert data[1][1][0] == "Smith & Sons <Academy>"
    percentage = next(row for row in data if row[5][0] == "1.4")
    assert percentage[7][:3] == (0.9, "n", "0.0%")
    policy = next(row for row in data if row[5][0] == "1.5")
    assert policy[7][0] == dt.datetime(2025, 6, 1) and policy[7][2] == "dd mmm yyyy"
    assert next(row for row in data if row[0][0] == "+44 1234")[1][0] == f"  {URDU}  "


def test_criteria_set_with_parts_on_the_moderated_basis(monkeypatch, tmp_path, shipped_sets):
    from benchmarks.bench_findings import make_records  # imported here: it sets up a private home folder

    example = shipped_sets["s11-criteria-example"]
    recs = make_records(example, 25)
    findings = compute_findings(example, recs, basis="moderated", previous=make_records(example, 10, seed=7),
                                reference_date=TODAY)
    streamed, reference = _both(monkeypatch, tmp_path, findings, example, recs)
    got = _cells(streamed)
    assert list(got) == ["About", "Standards", "Criteria", "Items", "By sector", "By type", "Change", "Data"]
    assert got == _cells(reference)
    assert _setup(streamed) == _setup(reference)
    assert got["Data"][0][-1][0] == "Part" and len(got["Data"]) == 1 + data_row_count(example, recs)
    about = load_workbook(streamed)["About"]
    # Two columns fit across a portrait page (orientation by the columns' width: ``xlsx_print``).
    assert about.page_setup.orientation == "portrait" and about.sheet_properties.pageSetUpPr.fitToPage


def test_only_the_findings_sector_and_each_string_stored_once(tmp_path):
    findings = compute_findings(make_set(), records(), sector="Schools", reference_date=TODAY)
    out = write_findings_xlsx(findings, make_set(), records(), tmp_path / "f.xlsx")
    rows = _data_values(out)[1:]
    assert {row[0] for row in rows} == {"A", "B", "D"}  # C is in another sector
    with zipfile.ZipFile(out) as package:
        strings = package.read("xl/sharedStrings.xml").decode()
        assert package.testzip() is None
    assert strings.count("<t>Deputy DSL</t>") == 1 and strings.count("<t>Leadership</t>") == 1


def test_a_character_xml_cannot_hold_is_dropped_not_fatal(tmp_path):
    recs = records()
    recs[0] = replace(recs[0], name="Alpha\x01 Primary\x1f")
    findings = compute_findings(make_set(), recs, reference_date=TODAY)
    out = write_findings_xlsx(findings, make_set(), recs, tmp_path / "f.xlsx")
    assert _data_values(out)[1][1] == "Alpha Primary"


def test_a_failure_while_streaming_leaves_the_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "f.xlsx"
    out.write_bytes(b"the previous workbook")
    findings = compute_findings(make_set(), records(), reference_date=TODAY)

    def failing(*args, **kwargs):
        yield from data_rows(*args, **kwargs)
        raise RuntimeError("a fault half way")

    monkeypatch.setattr(findings_xlsx, "data_by_organisation", _grouped(failing))
    with pytest.raises(RuntimeError, match="half way"):
        write_findings_xlsx(findings, make_set(), records(), out)
    assert out.read_bytes() == b"the previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["f.xlsx"]


def test_a_full_disk_half_way_is_one_clear_message(tmp_path, monkeypatch):
    from s11audit.reports import xlsx_stream

    class Full:
        """A disk that fills up after 50 KB."""

        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def write(self, data):
            self.written += len(data)
            if self.written > 50_000:
                raise OSError(28, "No space left on device")
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    from benchmarks.bench_findings import make_records

    real = xlsx_stream._Output
    monkeypatch.setattr(xlsx_stream, "_Output", lambda handle: real(Full(handle)))
    recs = make_records(make_set(), 200)
    findings = compute_findings(make_set(), recs, reference_date=TODAY)
    with pytest.raises(ReportError, match="No space left on device") as caught:
        write_findings_xlsx(findings, make_set(), recs, tmp_path / "f.xlsx")
    assert str(tmp_path / "f.xlsx") in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def _grouped(rows_of):
    """``data_by_organisation`` over another source of rows (to make one fail)."""

    def by_organisation(standards_set, records, basis="self"):
        from itertools import groupby

        for _, grouped in groupby(rows_of(standards_set, records, basis=basis), key=lambda r: r[:4]):
            group = list(grouped)
            yield (tuple(group[0][:4]), tuple(Question(r.standard, r.item, r.question, r.group) for r in group),
                   [(r.answer, r.value, r.is_percentage) for r in group])

    return by_organisation
