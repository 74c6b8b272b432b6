"""Export a signed audit (return, PDF, workbook) and verify the return, through the command line."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.cli import main
from s11audit.returns import read_return, verify_return


def test_export_then_verify_and_tampering_is_caught(tmp_path, capsys):
    audit = tmp_path / "school.s11audit"
    assert main(["sample", "--signed", "--set", "s175-kcsie2025", str(audit)]) == 0
    out = {suffix: tmp_path / f"school{suffix}" for suffix in (".s11return", ".pdf", ".xlsx")}
    assert main(["export", str(audit), "--return", str(out[".s11return"]), "--pdf", str(out[".pdf"]),
                 "--xlsx", str(out[".xlsx"])]) == 0
    capsys.readouterr()
    assert main(["verify", str(out[".s11return"])]) == 0
    assert "valid" in capsys.readouterr().out

    signed = read_return(out[".s11return"])
    assert signed.content["organisation"]["name"].startswith("SAMPLE \u2013 Riverside")  # the app's sample
    assert signed.content["sample"] is True
    assert len(signed.content["standards"]) == 13 and signed.content["sign_off"]["signatories"]  # 12 and contacts
    assert signed.evidence and all(signed.evidence_bytes(e["id"]) for e in signed.content["evidence"])

    text = "".join(page.extract_text() for page in PdfReader(out[".pdf"]).pages)
    assert "Riverside" in text and signed.fingerprint in text
    sheet = load_workbook(out[".xlsx"])["Action plan"]
    assert sheet.max_row > 1

    tampered = tmp_path / "tampered.s11return"
    with zipfile.ZipFile(out[".s11return"]) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "return.json":
                data = data.replace(b"Riverside", b"Riverdale")
            target.writestr(info, data)
    assert main(["verify", str(out[".s11return"]), str(tampered)]) == 1
    printed = capsys.readouterr().out
    assert "tampered.s11return: INVALID" in printed and "return.json" in printed


def test_unsigned_audit_is_not_exported_as_a_return(tmp_path, capsys):
    audit = tmp_path / "agency.s11audit"
    assert main(["sample", "--set", "s11-wt2023", str(audit)]) == 0
    target = tmp_path / "agency.s11return"
    assert main(["export", str(audit), "--return", str(target)]) == 2
    assert "not been signed off" in capsys.readouterr().err
    assert not target.exists()


def test_signed_audit_keeps_the_organisation_details_it_was_signed_with(tmp_path, s175_set):
    from dataclasses import replace

    from s11audit.export import export
    from s11audit.sample import make_sample
    from s11audit.store import AuditFile, AuditFileError

    path = make_sample(tmp_path / "school.s11audit", s175_set, signed=True)
    with AuditFile.open(path, user="Helen Morris") as audit_file:
        signed = audit_file.latest_assessment()
        as_signed = audit_file.organisation()
        audit_file.update_organisation(replace(as_signed, name="St Aidan's Academy", contact_name="New contact"))
        assert audit_file.organisation().name == "St Aidan's Academy"
        assert signed.sign_off.organisation() == as_signed
        with pytest.raises(AuditFileError, match="decides which standards apply"):
            audit_file.update_organisation(replace(as_signed, org_type="independent"))
        export(audit_file, signed, returned=tmp_path / "r.s11return", pdf=tmp_path / "r.pdf")
        reopened = audit_file.reopen_for_changes(signed.id)
        assert reopened.sign_off.organisation() is None
    content = read_return(tmp_path / "r.s11return").content
    assert content["organisation"]["name"] == as_signed.name
    assert content["organisation"]["contact"]["name"] == as_signed.contact_name
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert as_signed.name in text and "St Aidan's Academy" not in text


def test_snapshot_writes_without_the_audit_file_and_reports_each_step(tmp_path, s11_set):
    from s11audit.export import take_snapshot
    from s11audit.sample import make_sample
    from s11audit.store import AuditFile

    path = make_sample(tmp_path / "agency.s11audit", s11_set, signed=True)
    with AuditFile.open(path, user="x", read_only=True) as audit_file:
        snapshot = take_snapshot(audit_file, audit_file.latest_assessment())
    # The file is closed: everything the writers need is in the snapshot.
    steps = []
    targets = (tmp_path / "a.s11return", tmp_path / "a.pdf", tmp_path / "a.xlsx")
    snapshot.write(*targets, progress=lambda n, p: steps.append((n, p.name)))
    assert steps == [(0, "a.s11return"), (1, "a.pdf"), (2, "a.xlsx")]
    assert verify_return(targets[0]).valid
    assert load_workbook(targets[2])["Action plan"].max_row > 1
