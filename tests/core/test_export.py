"""Export a signed audit (return, PDF, workbook) and verify the return, through the command line."""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.cli import main
from s11audit.returns import read_return


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
    assert signed.content["organisation"]["name"].startswith("St Aidan")
    assert len(signed.content["standards"]) == 12 and signed.content["sign_off"]["signatories"]
    assert signed.evidence and all(signed.evidence_bytes(e["id"]) for e in signed.content["evidence"])

    text = "".join(page.extract_text() for page in PdfReader(out[".pdf"]).pages)
    assert "St Aidan" in text and signed.fingerprint in text
    sheet = load_workbook(out[".xlsx"])["Action plan"]
    assert sheet.max_row > 1

    tampered = tmp_path / "tampered.s11return"
    with zipfile.ZipFile(out[".s11return"]) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "return.json":
                data = data.replace(b"St Aidan", b"St Aidun")
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
