"""``s11audit standards to-xlsx`` and ``from-xlsx``: what they write, print and exit with."""

from __future__ import annotations

import shutil

import openpyxl

from s11audit.cli import main
from s11audit.paths import shipped_standards_dir, user_standards_dir


def test_to_xlsx_by_id_then_from_xlsx_gives_a_set_that_checks(capsys, tmp_path):
    assert main(["standards", "to-xlsx", "s175-kcsie2025", str(tmp_path / "s175.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Wrote" in out and "s175-kcsie2025.yaml" in out
    assert main(["standards", "from-xlsx", str(tmp_path / "s175.xlsx"), str(tmp_path / "s175.yaml")]) == 0
    assert "set s175-kcsie2025 version" in capsys.readouterr().out
    assert main(["standards", "check", str(tmp_path / "s175.yaml")]) == 0


def test_to_xlsx_by_path(capsys, tmp_path):
    source = shipped_standards_dir() / "s11-peer-audit.yaml"
    assert main(["standards", "to-xlsx", str(source), str(tmp_path / "peer.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "peer.xlsx", read_only=True).sheetnames[1] == "Set"


def test_to_xlsx_unknown_or_ambiguous_id_exits_2(capsys, tmp_path):
    assert main(["standards", "to-xlsx", "no-such-set", str(tmp_path / "x.xlsx")]) == 2
    assert "no standards set has the id 'no-such-set'" in capsys.readouterr().err
    user_standards_dir().mkdir(parents=True)
    text = (shipped_standards_dir() / "s11-wt2023.yaml").read_text()
    (user_standards_dir() / "newer.yaml").write_text(text.replace('version: "2026.2"', 'version: "2027.1"', 1))
    assert main(["standards", "to-xlsx", "s11-wt2023", str(tmp_path / "x.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "several versions of set 's11-wt2023'" in err
    assert "version 2026.2: " in err and "version 2027.1: " in err and str(user_standards_dir() / "newer.yaml") in err
    assert not (tmp_path / "x.xlsx").exists()


def test_to_xlsx_of_an_invalid_file_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((shipped_standards_dir() / "s11-peer-audit.yaml").read_text().replace("title:", "titel:", 1))
    assert main(["standards", "to-xlsx", str(bad), str(tmp_path / "x.xlsx")]) == 1
    assert "titel" in capsys.readouterr().out


def test_from_xlsx_prints_each_problem_with_sheet_and_cell_and_exits_1(capsys, tmp_path):
    assert main(["standards", "to-xlsx", "s11-wt2023", str(tmp_path / "s11.xlsx")]) == 0
    workbook = openpyxl.load_workbook(tmp_path / "s11.xlsx")
    workbook["Items"]["D2"].value = "dropdown"
    workbook["Scale"]["D3"].value = "amber"
    workbook.save(tmp_path / "s11.xlsx")
    capsys.readouterr()
    assert main(["standards", "from-xlsx", str(tmp_path / "s11.xlsx"), str(tmp_path / "s11.yaml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 's11.xlsx'}: Items!D2: type 'dropdown' is not one of graded")
    assert any(": Scale!D3: colour 'amber' must be written #RRGGBB" in line for line in lines)
    assert not (tmp_path / "s11.yaml").exists()


def test_from_xlsx_of_a_file_that_is_not_a_workbook_exits_2(capsys, tmp_path):
    shutil.copy(shipped_standards_dir() / "s11-wt2023.yaml", tmp_path / "set.xlsx")
    assert main(["standards", "from-xlsx", str(tmp_path / "set.xlsx"), str(tmp_path / "set.yaml")]) == 2
    assert "set.xlsx: cannot be read as an Excel workbook" in capsys.readouterr().err
    assert main(["standards", "from-xlsx", str(tmp_path / "missing.xlsx"), str(tmp_path / "set.yaml")]) == 2
    assert "missing.xlsx: cannot be read" in capsys.readouterr().err
