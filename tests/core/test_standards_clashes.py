"""Two files giving one set id and version different content are never resolved silently, and a
cycle's set is never a guess (issue 11).

The rule (``loader.clash_message``): a shipped set wins over a file in the user's folder, which is
skipped; between files of the user's folder none is loaded. ``standards check`` reports the clash
in the words ``standards list`` uses; ``cycle add --set`` refuses an id with several versions or
clashing files and takes ``id@version`` or a file. No Qt here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from s11audit.business_unit.cycle_sets import SetChoiceError, choose_set, preferred_set, set_sources
from s11audit.cli import main
from s11audit.paths import shipped_standards_dir, user_standards_dir
from s11audit.standards import check_files, discover

TITLE = 'title: "Section 11 self-assessment (Working Together 2023)"'
SHIPPED_S11 = shipped_standards_dir() / "s11-wt2023.yaml"


def _user_copy(name: str, title: str | None = None, version: str | None = None):
    folder = user_standards_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = SHIPPED_S11.read_text(encoding="utf-8")
    if title:
        text = text.replace(TITLE, f'title: "{title}"', 1)
    if version:
        text = text.replace('version: "2026.2"', f'version: "{version}"', 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_user_files_with_one_id_and_version_and_other_content_load_neither():
    edited = _user_copy("ours.yaml", "Ours, edited", "2027.1")
    copy = _user_copy("ours - Copy.yaml", "Ours, before the edit", "2027.1")
    report = discover()
    assert report.find("s11-wt2023", "2027.1") is None
    assert report.find("s11-wt2023").version == "2026.2"  # the shipped version is untouched
    reasons = {skipped.path: skipped.reason for skipped in report.skipped}
    assert reasons == {
        copy: (f"ours - Copy.yaml: set 's11-wt2023' version 2027.1 is also in {edited} with other content; neither "
               "file is loaded, as s11audit cannot tell which is meant; delete the one you do not want, or give one "
               "of them a new version"),
        edited: (f"ours.yaml: set 's11-wt2023' version 2027.1 is also in {copy} with other content; neither file is "
                 "loaded, as s11audit cannot tell which is meant; delete the one you do not want, or give one of "
                 "them a new version"),
    }
    assert {s.path: s.clashes_with for s in report.clashes("s11-wt2023")} == {copy: (edited,), edited: (copy,)}


def test_identical_user_copies_load_once_and_say_nothing():
    _user_copy("ours.yaml", "Ours", "2027.1")
    first = _user_copy("ours - Copy.yaml", "Ours", "2027.1")  # first by name (" " sorts before ".")
    report = discover()
    assert report.skipped == []
    assert report.find("s11-wt2023", "2027.1").title == "Ours"
    assert report.origin(report.find("s11-wt2023", "2027.1")) == first
    assert not report.is_shipped(report.find("s11-wt2023", "2027.1"))
    assert report.is_shipped(report.find("s11-wt2023", "2026.2"))
    assert set_sources(report)[("s11-wt2023", "2027.1")] == f"your folder: {first}"
    assert set_sources(report)[("s11-wt2023", "2026.2")] == "shipped with s11audit"


def test_check_reports_a_clash_with_an_installed_set_as_list_does(tmp_path, capsys):
    edited = tmp_path / "ours.yaml"  # not installed yet: checked before being copied in
    edited.write_text(SHIPPED_S11.read_text(encoding="utf-8").replace(TITLE, 'title: "Ours"', 1), encoding="utf-8")
    [problem] = check_files([edited])[edited]
    message = (f"set 's11-wt2023' version 2026.2 is already shipped with s11audit in {SHIPPED_S11} with other "
               "content; the shipped one is used and this file is not loaded; give this file a new version")
    assert (problem.line, problem.message) == (4, message)
    assert main(["standards", "check", str(edited)]) == 1
    assert capsys.readouterr().out == f"{edited}:4: {message}\n"
    installed = _user_copy("ours.yaml", "Ours")
    assert main(["standards", "check", str(installed)]) == 1
    assert capsys.readouterr().out == f"{installed}:4: {message}\n"
    assert main(["standards", "list"]) == 1
    assert f"  SKIPPED {installed}: ours.yaml: {message}" in capsys.readouterr().out.splitlines()


def test_check_reports_a_clash_between_two_user_files():
    edited = _user_copy("ours.yaml", "Ours", "2027.1")
    copy = _user_copy("ours - Copy.yaml", "Ours before", "2027.1")
    [problem] = check_files([edited])[edited]
    assert problem.message.startswith(f"set 's11-wt2023' version 2027.1 is also in {copy} with other content; neither")
    assert check_files([SHIPPED_S11]) == {SHIPPED_S11: []}


# --- choosing a cycle's set ------------------------------------------------------------------------


def test_an_id_with_several_versions_is_refused_with_each_version_and_file():
    newer = _user_copy("s11-2027.yaml", version="2027.1")
    clashing = _user_copy("ours.yaml", "Ours")
    report = discover()
    with pytest.raises(SetChoiceError) as refused:
        choose_set(report, "s11-wt2023")
    lines = str(refused.value).splitlines()
    assert lines[0] == "The standards set 's11-wt2023' has 3 versions or files; say which one:"
    assert lines[1].startswith("  --set s11-wt2023@2026.2   Section 11 self-assessment") and lines[1].endswith(
        "shipped with s11audit)")
    assert lines[2].startswith("  --set s11-wt2023@2027.1 ") and lines[2].endswith(f"your folder: {newer})")
    assert lines[3] == (f"  not loaded: {clashing} (version 2026.2): the same id and version as {SHIPPED_S11} "
                        "with other content")
    assert choose_set(report, "s11-wt2023@2027.1").version == "2027.1"
    assert choose_set(report, "s11-wt2023", "2027.1").version == "2027.1"
    with pytest.raises(SetChoiceError):  # 2026.2 is both the shipped set and the clashing file
        choose_set(report, "s11-wt2023@2026.2")
    assert choose_set(report, str(newer)) == report.find("s11-wt2023", "2027.1")
    with pytest.raises(SetChoiceError, match=r"is already loaded \(shipped with s11audit\) with other content; give "):
        choose_set(report, str(clashing))
    with pytest.raises(SetChoiceError, match=r"^No standards set 'nope'\. Known sets: "):
        choose_set(report, "nope")


def test_cycle_add_refuses_an_ambiguous_set_and_takes_id_at_version(tmp_path, capsys):
    _user_copy("s11-2027.yaml", version="2027.1")
    workspace = tmp_path / "unit.s11workspace"
    assert main(["workspace", "new", str(workspace)]) == 0
    add = ["cycle", "add", str(workspace), "--name", "2026/27", "--due", "2027-03-31", "--set"]
    capsys.readouterr()
    assert main([*add, "s11-wt2023"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--set s11-wt2023@2026.2" in err and "--set s11-wt2023@2027.1" in err
    assert main([*add, "s11-wt2023@2027.1"]) == 0
    assert "(version 2027.1)" in capsys.readouterr().out
    assert main([*add[:-3], "--name", "Schools", "--due", "2027-03-31", "--set", "s175-kcsie2025"]) == 0


def test_the_set_offered_first_follows_the_register(shipped_sets):
    sets = discover().sets
    assert sets[0].id == "s11-peer-audit"  # first by title: what the dialog used to offer whatever the register
    assert preferred_set(sets, ["primary", "secondary", "special"]).id == "s175-kcsie2025"
    assert preferred_set(sets, ["police", "health"]).id == "s11-wt2023"
    assert preferred_set(sets, ["police", "primary", "secondary"]).id == "s175-kcsie2025"  # most of the register
    assert preferred_set(sets, ["police"], previous=shipped_sets["s11-criteria-example"]).id == "s11-criteria-example"
    assert preferred_set(sets, [], previous=shipped_sets["s175-kcsie2025"]).id == "s175-kcsie2025"
    assert preferred_set(sets, [], previous=shipped_sets["s11-peer-audit"]).id == "s11-wt2023"
    assert preferred_set([], ["police"]) is None


def test_the_newest_version_of_the_previous_set_is_offered(shipped_sets):
    _user_copy("s11-2027.yaml", version="2027.1").write_text(
        SHIPPED_S11.read_text(encoding="utf-8").replace('version: "2026.2"', 'version: "2027.1"', 1)
        .replace("effective_date: 2026-09-01", "effective_date: 2027-09-01", 1), encoding="utf-8")
    sets = discover().sets
    chosen = preferred_set(sets, ["police"], previous=shipped_sets["s11-wt2023"])
    assert (chosen.id, chosen.version, chosen.effective_date) == ("s11-wt2023", "2027.1", dt.date(2027, 9, 1))
