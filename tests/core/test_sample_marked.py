"""The app's sample audit is plainly a SAMPLE everywhere and is never imported as a real return (issue 14).

Also the plain words of the import report for replaced returns and a different signing key, and the
line that explains the key fingerprint on the return's PDF.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import zipfile
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from benchmarks.make_returns import Organisation, private_key, return_content, write_one
from s11audit.business_unit.importing import IMPORTED, KEY_PENDING_OUTCOME, OLDER, REJECTED, import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.export import export
from s11audit.returns import public_key_of, read_return, signer, verify_return, write_return
from s11audit.sample import SAMPLE_ORGANISATIONS, make_sample
from s11audit.store import AuditFile

REFUSED = "is the app's sample audit, not a real return: it was not imported"
REAL = Organisation("Brookhurst Academy", "URN 200001", "Education", "secondary", "Mark Ellis",
                    "dsl@brookhurst.example")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, shipped_sets):
    """The school sample, signed off and exported (return, PDF, action plan) as a user would."""
    folder = tmp_path_factory.mktemp("sample")
    path = make_sample(folder / "sample.s11audit", shipped_sets["s175-kcsie2025"], signed=True)
    with AuditFile.open(path, "test", read_only=True) as audit_file:
        done = export(audit_file, audit_file.latest_assessment(), folder / "sample.s11return", folder / "sample.pdf",
                      folder / "sample.xlsx")
    return path, done


@pytest.fixture
def workspace(tmp_path, s175_set):
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as opened:
        cycle = opened.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        opened.add_organisation(cycle.id, OrganisationEntry(REAL.name, REAL.reference, "Education", "secondary"))
        # Even a register that lists the sample's reference does not let it in.
        opened.add_organisation(cycle.id, OrganisationEntry("Sample", "SAMPLE", "Education", "primary"))
        yield opened


def test_the_sample_says_sample_in_its_name_and_reference_and_its_file_knows(exported, school_file):
    path, _ = exported
    with AuditFile.open(path, "test", read_only=True) as audit_file:
        organisation = audit_file.organisation()
        assert audit_file.is_sample
    assert organisation.name.startswith("SAMPLE") and "not a real school" in organisation.name
    assert organisation.reference == "SAMPLE"
    assert all(o.name.startswith("SAMPLE") and o.reference == "SAMPLE" for o in SAMPLE_ORGANISATIONS.values())
    assert not school_file.is_sample  # a file made the usual way is a real organisation's


def test_its_return_says_sample_and_every_page_of_its_pdf_and_the_action_plan_say_so(exported):
    _, done = exported
    assert read_return(done.returned).content["sample"] is True
    pages = PdfReader(done.pdf).pages
    assert len(pages) > 5
    assert all("SAMPLE \u2013 not a real return" in page.extract_text() for page in pages)
    workbook = load_workbook(done.xlsx)
    assert workbook.properties.title.startswith("SAMPLE, not a real return")
    assert all("SAMPLE, not a real return" in sheet.oddHeader.center.text for sheet in workbook.worksheets)


def test_renaming_the_sample_does_not_make_it_real(exported, tmp_path):
    path, _ = exported
    copy = tmp_path / "renamed.s11audit"
    shutil.copy(path, copy)
    with AuditFile.open(copy, "test") as audit_file:
        audit_file.update_organisation(replace(audit_file.organisation(), name="Brook Primary School",
                                               reference="URN 9"))
        done = export(audit_file, audit_file.latest_assessment(), tmp_path / "r.s11return", tmp_path / "r.pdf")
    assert read_return(done.returned).content["sample"] is True
    assert all("SAMPLE" in page.extract_text() for page in PdfReader(done.pdf).pages)


def test_the_pdf_says_what_the_key_fingerprint_is_for(exported):
    _, done = exported
    cover = " ".join(PdfReader(done.pdf).pages[0].extract_text().split())
    assert verify_return(done.returned).fingerprint in cover
    assert ("Key fingerprint: a check the business unit uses to confirm the return came from this organisation's "
            "audit file") in cover


def test_the_sample_flag_cannot_be_taken_out_without_breaking_the_signature(exported, tmp_path):
    _, done = exported
    stripped = tmp_path / "stripped.s11return"
    with zipfile.ZipFile(done.returned) as source, zipfile.ZipFile(stripped, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "return.json":
                content = json.loads(data)
                del content["sample"]
                data = json.dumps(content).encode()
            target.writestr(info, data)
    assert verify_return(done.returned).valid and not verify_return(stripped).valid


def test_an_import_refuses_the_sample_and_imports_the_real_return_beside_it(exported, workspace, tmp_path, s175_set):
    _, done = exported
    real = write_one(tmp_path, s175_set, REAL)
    assert "sample" not in read_return(real).content  # as every return before the field was added
    report = import_returns(workspace, "2026/27", [done.returned, real])
    refused, imported = report.files
    assert refused.outcome == REJECTED and refused.reason == f"sample.s11return {REFUSED}"
    assert imported.outcome == IMPORTED and imported.reference == REAL.reference
    [stored] = workspace.returns(workspace.cycle("2026/27").id)
    assert stored.reference == REAL.reference and stored.state == "current"
    assert "1 imported" in report.summary() and "1 rejected" in report.summary()


def test_a_return_saying_sample_false_imports(workspace, tmp_path, s175_set):
    content, files = return_content(s175_set, REAL, random.Random(1))
    content["sample"] = False
    key = private_key(REAL.reference, 1)
    path = write_return(tmp_path / "real.s11return", content, files, s175_set.content, public_key_of(key), signer(key))
    [outcome] = import_returns(workspace, "2026/27", [path]).files
    assert outcome.outcome == IMPORTED


def test_replaced_returns_and_a_different_key_are_told_in_plain_words(workspace, tmp_path, s175_set):
    first, second, third = (tmp_path / "a", tmp_path / "b", tmp_path / "c")
    for folder in (first, second, third):
        folder.mkdir()
    v1 = write_one(first, s175_set, REAL)
    v2 = write_one(second, s175_set, REAL, audit_version=2)
    other_key = write_one(third, s175_set, REAL, audit_version=3, key=private_key("someone else", 7))
    outcomes = import_returns(workspace, "2026/27", [v2, v1, other_key]).files
    newer, older, stranger = outcomes
    assert newer.outcome == IMPORTED
    assert older.outcome == OLDER and "already sent a newer return" in older.reason and "history" in older.reason
    assert stranger.outcome == KEY_PENDING_OUTCOME
    assert "signed with a different key than this organisation's earlier returns" in stranger.reason
    assert "check with them that they sent it" in stranger.reason
    report = import_returns(workspace, "2026/27", [write_one(third, s175_set, REAL, audit_version=4)])
    assert report.files[0].reason.endswith(
        "replaces an earlier return from the same organisation (kept in its history)")
    assert "superseded" not in report.summary() and "key decision" not in report.summary()
