"""The command line: run in-process through ``s11audit.cli.main`` and, for real, as ``python -m s11audit``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import s11audit
from s11audit.cli import main
from s11audit.paths import shipped_standards_dir, user_standards_dir
from s11audit.store import AuditFile, OrganisationDetails

REPO = Path(__file__).resolve().parents[2]

VALID = """\
format: s11audit-standards/1
id: cli-set
title: CLI set
version: "1.0"
legal_basis: Section 11, Children Act 2004
effective_date: 2026-09-01
organisation_kinds: [agency]
grade_scale:
  name: Red, green
  levels:
    - id: red
      label: Red
      meaning: Not met.
      colour: "#C0392B"
      needs_action: true
    - id: green
      label: Green
      meaning: Met.
      colour: "#27AE60"
  meets: green
sign_off:
  declaration: We confirm this is accurate.
  signatories:
    - role: Chief executive
standards:
  - id: "1"
    number: "1"
    title: Leadership
    intent: Safeguarding is led from the top.
    descriptors:
      red: No lead.
      green: A lead.
    items:
      - id: "1.1"
        text: Is there a named lead?
        type: yes_no
"""
# Dropping the "green" descriptor leaves standard 1 without one; the problem is on its descriptors (line 31).
INVALID = VALID.replace("      green: A lead.\n", "")
INVALID_LINE = 31
INVALID_MESSAGE = "standard '1': no descriptor for grade 'green' (every level of the scale needs one)"

SHIPPED = ["s11-peer-audit", "s11-wt2023", "s11-criteria-example", "s175-kcsie2025"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_process(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    # Callers check the exit code themselves (a refusal's non-zero code is often what is tested).
    return subprocess.run([sys.executable, "-m", "s11audit", *argv], capture_output=True, text=True, encoding="utf-8",
                          env=env, cwd=REPO, timeout=60, check=False)


@pytest.fixture
def valid_file(tmp_path):
    path = tmp_path / "valid.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


@pytest.fixture
def invalid_file(tmp_path):
    path = tmp_path / "invalid.yaml"
    path.write_text(INVALID, encoding="utf-8")
    assert INVALID.splitlines()[INVALID_LINE - 1] == "      red: No lead."
    return path


# --- standards check -----------------------------------------------------------------------------


def test_check_shipped_files_ok(capsys):
    files = [shipped_standards_dir() / f"{name}.yaml" for name in SHIPPED]
    code, out, err = run(capsys, "standards", "check", *map(str, files))
    assert code == 0
    assert out.splitlines() == [f"{path}: OK" for path in files] + ["4 of 4 files valid"]
    assert err == ""


def test_check_one_valid_file(capsys, valid_file):
    code, out, _ = run(capsys, "standards", "check", str(valid_file))
    assert code == 0
    assert out == f"{valid_file}: OK\n"


def test_check_invalid_file_prints_file_line_and_message(capsys, invalid_file):
    code, out, _ = run(capsys, "standards", "check", str(invalid_file))
    assert code == 1
    assert out == f"{invalid_file}:{INVALID_LINE}: {INVALID_MESSAGE}\n"


def test_check_every_problem_of_a_file_is_printed(capsys, tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text(INVALID.replace("  meets: green", "  meets: gren"), encoding="utf-8")
    code, out, _ = run(capsys, "standards", "check", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}:20: grade scale: meets names 'gren', which is not a level of the scale (red, green)",
        f"{path}:{INVALID_LINE}: {INVALID_MESSAGE}",
    ]


def test_check_mixing_valid_and_invalid_fails(capsys, valid_file, invalid_file):
    code, out, _ = run(capsys, "standards", "check", str(valid_file), str(invalid_file))
    assert code == 1
    assert out.splitlines() == [f"{valid_file}: OK", f"{invalid_file}:{INVALID_LINE}: {INVALID_MESSAGE}",
                                "1 of 2 files valid"]


def test_check_missing_file_is_reported(capsys, tmp_path):
    missing = tmp_path / "not-there.yaml"
    code, out, _ = run(capsys, "standards", "check", str(missing))
    assert code != 0
    assert out.startswith(f"{missing}: cannot be read")


def test_check_missing_file_exits_2(capsys, tmp_path):
    code, _, _ = run(capsys, "standards", "check", str(tmp_path / "not-there.yaml"))
    assert code == 2


def test_check_based_on_set_with_its_base_in_the_same_command(capsys, tmp_path, valid_file):
    peer = tmp_path / "peer.yaml"
    peer.write_text(VALID.split("grade_scale:", maxsplit=1)[0].replace("id: cli-set", "id: cli-peer")
                    + 'based_on:\n  set: cli-set\n  standards: ["1"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "standards", "check", str(peer), str(valid_file))
    assert code == 0, out
    code, out, _ = run(capsys, "standards", "check", str(peer))
    assert code == 1
    assert out == f"{peer}:9: based on: the base set 'cli-set' was not found among the loaded standards sets\n"


def test_check_without_files_checks_the_shipped_sets(capsys):
    from s11audit.paths import shipped_standards_dir

    assert main(["standards", "check"]) == 0
    out = capsys.readouterr().out
    shipped = sorted(shipped_standards_dir().glob("*.yaml"))
    assert shipped and all(f"{path}: OK" in out for path in shipped)
    assert f"{len(shipped)} of {len(shipped)} files valid" in out


# --- standards list ------------------------------------------------------------------------------


def test_list_shows_the_shipped_sets_and_both_folders(capsys):
    code, out, _ = run(capsys, "standards", "list")
    assert code == 0
    assert f"Shipped standards folder: {shipped_standards_dir()}" in out
    assert f"Your standards folder:    {user_standards_dir()}" in out
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert listed == SHIPPED
    assert "(9 standards, for agency)" in out and "(3 standards, for agency)" in out
    assert "SKIPPED" not in out


def test_list_names_skipped_files_and_fails(capsys):
    folder = user_standards_dir()
    folder.mkdir(parents=True)
    (folder / "ours.yaml").write_text(VALID, encoding="utf-8")
    (folder / "broken.yaml").write_text(INVALID, encoding="utf-8")
    code, out, _ = run(capsys, "standards", "list")
    assert code == 1
    assert [line.split()[0] for line in out.splitlines() if line.startswith("  ") and "SKIPPED" not in line] == \
        ["cli-set", *SHIPPED]
    assert f"  SKIPPED {folder / 'broken.yaml'}: broken.yaml:{INVALID_LINE}: {INVALID_MESSAGE}" in out.splitlines()


# --- sample and progress -------------------------------------------------------------------------


def test_sample_then_progress_is_complete(capsys, tmp_path):
    out_file = tmp_path / "sample.s11audit"
    code, out, err = run(capsys, "sample", "--set", "s11-wt2023", str(out_file))
    assert code == 0, err
    assert out_file.is_file()
    assert str(out_file) in out
    code, out, _ = run(capsys, "progress", str(out_file))
    assert code == 0
    assert out.splitlines() == ["SAMPLE \u2013 Northfield Community Health Trust (not a real organisation), 2026/27, "
                                "Section 11 self-assessment (Working Together 2023): 100% complete"]


def test_sample_for_a_school_type_and_name(capsys, tmp_path):
    out_file = tmp_path / "school.s11audit"
    code, _, err = run(capsys, "sample", "--set", "s175-kcsie2025", "--type", "secondary", "--name", "Hillside Academy",
                       "--cycle", "2025/26", str(out_file))
    assert code == 0, err
    with AuditFile.open(out_file, user="test", read_only=True) as audit_file:
        organisation = audit_file.organisation()
        assert (organisation.name, organisation.kind, organisation.org_type) == (
            "SAMPLE \u2013 Hillside Academy", "education", "secondary")
        assert audit_file.is_sample
        assessment = audit_file.latest_assessment()
        assert (assessment.cycle, assessment.standards_set.id) == ("2025/26", "s175-kcsie2025")
    code, out, _ = run(capsys, "progress", str(out_file))
    assert code == 0 and "100% complete" in out


def test_sample_unknown_set_exits_2(capsys, tmp_path):
    out_file = tmp_path / "x.s11audit"
    code, _, err = run(capsys, "sample", "--set", "nope", str(out_file))
    assert code == 2
    assert err.startswith("No standards set 'nope'.")
    assert all(name in err for name in SHIPPED)
    assert not out_file.exists()


def test_sample_type_of_the_wrong_kind_exits_2(capsys, tmp_path):
    out_file = tmp_path / "x.s11audit"
    code, _, err = run(capsys, "sample", "--set", "s11-wt2023", "--type", "primary", str(out_file))
    assert code == 2
    assert "'primary'" in err and "cannot use" in err
    assert not out_file.exists()


def test_sample_never_overwrites(capsys, tmp_path):
    out_file = tmp_path / "x.s11audit"
    out_file.write_bytes(b"precious")
    code, _, err = run(capsys, "sample", "--set", "s11-wt2023", str(out_file))
    assert code == 2
    assert "already exists" in err
    assert out_file.read_bytes() == b"precious"


def test_progress_of_an_unfinished_audit_lists_what_is_missing(capsys, tmp_path, s11_set):
    path = tmp_path / "police.s11audit"
    police = OrganisationDetails("Shire Police", "P1", "agency", "police")
    with AuditFile.create(path, police, user="Test") as audit_file:
        assessment = audit_file.start_audit(s11_set, "2026/27")
        assessment.set_grade("1", "red")
        assessment.set_grade("2", "green")
    code, out, _ = run(capsys, "progress", str(path))
    assert code == 1
    lines = out.splitlines()
    # Both grades count as done; the action Red needs is one more thing still to do.
    assert lines[0] == "Shire Police, 2026/27, Section 11 self-assessment (Working Together 2023): 3% complete"
    assert "  - Standard 1: graded Red, which needs an action; none added yet" in lines
    assert "  - Standard 3: not graded yet" in lines
    assert not any(line.startswith("  - Standard 2:") and "graded" in line for line in lines)
    assert "  - Standard 3, item 3.6: not answered" in lines  # police answer 3.6
    assert not any("item 4.6:" in line for line in lines)    # health only


def test_progress_of_a_file_without_an_audit(capsys, tmp_path):
    path = tmp_path / "empty.s11audit"
    AuditFile.create(path, OrganisationDetails("Shire Police", "P1", "agency", "police"), user="Test").close()
    code, out, _ = run(capsys, "progress", str(path))
    assert code == 1
    assert out == "Shire Police: no audit started yet\n"


def test_progress_of_a_missing_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "progress", str(tmp_path / "gone.s11audit"))
    assert code == 2
    assert "gone.s11audit" in err


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"s11audit {s11audit.__version__}\n"


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
    assert "usage: s11audit" in capsys.readouterr().err


# --- as a real process ---------------------------------------------------------------------------


def test_process_check_mixed_files(valid_file, invalid_file):
    result = run_process("standards", "check", str(valid_file), str(invalid_file))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [f"{valid_file}: OK", f"{invalid_file}:{INVALID_LINE}: {INVALID_MESSAGE}",
                                          "1 of 2 files valid"]
    assert result.stderr == ""


def test_process_sample_and_progress(tmp_path):
    out_file = tmp_path / "sample.s11audit"
    made = run_process("sample", "--set", "s11-peer-audit", str(out_file))
    assert made.returncode == 0, made.stderr
    progress = run_process("progress", str(out_file))
    assert progress.returncode == 0, progress.stderr
    assert progress.stdout.rstrip().endswith("100% complete")
    assert run_process("sample", "--set", "nope", str(tmp_path / "x.s11audit")).returncode == 2


def test_process_version():
    result = run_process("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"s11audit {s11audit.__version__}"
