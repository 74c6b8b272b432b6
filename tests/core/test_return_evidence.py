"""Only what the business unit needs in a return (issue 17): a set's ``return_evidence`` (files, list or none),
returns that list their evidence without carrying it, the business unit's evidence request and the signed
evidence supplement that answers it."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from s11audit.business_unit import supplements
from s11audit.business_unit.importing import IMPORTED, import_returns
from s11audit.business_unit.models import ImportedReturn
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.cli import main
from s11audit.export import ExportError, export, export_supplement
from s11audit.returns import ReturnError, generate_private_key, public_key_of, read_return, signer, verify_return
from s11audit.returns.format import MANIFEST_MEMBER, SIGNATURE_MEMBER, build_manifest, json_bytes, write_zip
from s11audit.returns.supplement import (EvidenceRequest, RequestedFile, SupplementError, read_request,
                                         read_supplement, write_request, write_supplement)
from s11audit.sample import make_sample
from s11audit.standards import load_file
from s11audit.standards.loader import set_from_snapshot
from s11audit.standards.workbook_read import workbook_to_yaml
from s11audit.standards.workbook_write import write_workbook
from s11audit.store import AuditFile, AuditFileError

CYCLE = "2026/27"


def _set_with(shipped_sets, mode: str):
    content = copy.deepcopy(shipped_sets["s11-wt2023"].content)
    content["return_evidence"] = mode
    content["version"] = f"{content['version']}-{mode}"
    return set_from_snapshot(content)


def _signed_audit(folder: Path, standards_set) -> tuple[Path, Path]:
    """A signed audit file on ``standards_set`` with evidence, and its exported return (and PDF)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = make_sample(folder / "Northfield.s11audit", standards_set, signed=True, sample=False, cycle=CYCLE)
    returned = folder / "Northfield.s11return"
    with AuditFile.open(path, user="Lead") as audit_file:
        export(audit_file, audit_file.latest_assessment(), returned=returned, pdf=folder / "Northfield.pdf")
    return path, returned


def _evidence_rows(audit_path: Path) -> dict[str, tuple[int, str, bytes]]:
    with AuditFile.open(audit_path, user="Lead", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        return {str(e.id): (e.size, e.sha256, assessment.evidence.content(e.id))
                for e in assessment.evidence.all_evidence()}


@pytest.fixture(scope="module")
def listed(tmp_path_factory, shipped_sets):
    """(the list set, the organisation's audit file, its return) made once; tests copy what they change."""
    standards_set = _set_with(shipped_sets, "list")
    audit_path, returned = _signed_audit(tmp_path_factory.mktemp("listed"), standards_set)
    return standards_set, audit_path, returned


@pytest.fixture
def unit(tmp_path, listed):
    """A workspace whose cycle is on the list set, with the listed return imported; yields (workspace, return id,
    a copy of the audit file)."""
    standards_set, audit_path, returned = listed
    audit_copy = tmp_path / audit_path.name
    shutil.copy(audit_path, audit_copy)
    organisation = read_return(returned).content["organisation"]
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as workspace:
        cycle = workspace.add_cycle(CYCLE, standards_set, dt.date(2027, 3, 31))
        workspace.add_organisation(cycle.id, OrganisationEntry(organisation["name"], organisation["reference"],
                                                               "Agency", organisation["org_type"]))
        [outcome] = import_returns(workspace, CYCLE, [returned]).files
        assert outcome.outcome == IMPORTED, outcome.reason
        yield workspace, outcome.return_id, audit_copy


def _answer(workspace, return_id, audit_path: Path, folder: Path, standard_id: str | None = None) -> Path:
    """Request the files of a standard and answer the request from the audit file: the supplement's path."""
    standard_id = standard_id or supplements.standards_to_ask_about(workspace, return_id)[0][0]
    request = write_request(folder / "ask.s11request", supplements.evidence_request(workspace, return_id, standard_id))
    with AuditFile.open(audit_path, user="Lead") as audit_file:
        return export_supplement(audit_file, request, folder / "answer.s11supplement")


# --- what the return carries ----------------------------------------------------------------------------


def test_a_listed_return_carries_no_evidence_bytes_and_still_verifies(listed):
    _, audit_path, returned = listed
    names = zipfile.ZipFile(returned).namelist()
    assert names == ["return.json", "standards.json", "manifest.json", "signature.bin"]
    result = verify_return(returned)
    assert result.valid, result.reason
    signed = read_return(returned)
    rows = _evidence_rows(audit_path)
    assert signed.content["return_evidence"] == "list" and len(signed.content["evidence"]) == len(rows) > 0
    for entry in signed.content["evidence"]:
        size, sha256, data = rows[str(entry["id"])]
        assert entry["included"] is False and "member" not in entry
        assert (entry["size"], entry["sha256"]) == (size, sha256) and entry["name"] and entry["links"]
        assert data not in returned.read_bytes()  # not a byte of any file, compressed or not, in the ZIP
    assert signed.evidence == [] and len(signed.listed_evidence) == len(rows)


def test_a_listed_return_imports_and_moderation_shows_the_files_as_kept_by_the_organisation(unit):
    workspace, return_id, _ = unit
    lines = supplements.return_evidence(workspace, return_id)
    assert lines and all(line.listed and not line.held for line in lines)
    assert {line.status for line in lines} == {"kept by the organisation (ask for it)"}
    assert all(line.sha256 and line.size and line.standard_ids for line in lines)
    assert workspace.session.scalar(text("SELECT count(*) FROM return_evidence")) == 0
    with pytest.raises(AuditFileError, match="the organisation keeps it"):
        supplements.evidence_data(workspace, return_id, lines[0].evidence_id)


def test_a_none_return_carries_no_evidence_entries_and_its_pdf_says_so(tmp_path, shipped_sets):
    _, returned = _signed_audit(tmp_path, _set_with(shipped_sets, "none"))
    assert not [n for n in zipfile.ZipFile(returned).namelist() if n.startswith("evidence/")]
    assert verify_return(returned).valid
    content = read_return(returned).content
    assert content["return_evidence"] == "none" and content["evidence"] == []
    words = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(tmp_path / "Northfield.pdf").pages)
    assert "Evidence is kept by the organisation: the signed return carries no evidence." in words


def test_a_files_return_is_as_before(tmp_path, shipped_sets):
    audit_path, returned = _signed_audit(tmp_path, shipped_sets["s11-wt2023"])
    signed = read_return(returned)
    assert "return_evidence" not in signed.content
    rows = _evidence_rows(audit_path)
    assert [str(e["id"]) for e in signed.evidence] == list(rows)
    for entry in signed.content["evidence"]:
        assert "included" not in entry and entry["member"].startswith("evidence/")
        assert signed.evidence_bytes(entry["id"]) == rows[str(entry["id"])][2]
    words = " ".join((p.extract_text() or "") for p in PdfReader(tmp_path / "Northfield.pdf").pages)
    assert "Evidence is kept by the organisation" not in words


def test_a_statement_on_a_listed_set_lists_its_evidence(tmp_path, listed):
    from s11audit.export import export_statement
    from s11audit.sample import make_statement_sample

    path = make_statement_sample(tmp_path / "Northfield.s11audit", listed[0], sample=False)
    with AuditFile.open(path, user="Lead") as audit_file:
        statement = audit_file.statement(audit_file.audits()[-1].id)
        assert statement.evidence.all_evidence()  # the completion of an action has its evidence
        export_statement(audit_file, statement, returned=tmp_path / "s.s11return")
    signed = read_return(tmp_path / "s.s11return")
    assert verify_return(tmp_path / "s.s11return").valid
    assert signed.kind == "compliance_statement" and signed.content["return_evidence"] == "list"
    assert signed.content["evidence"] and all(e["included"] is False for e in signed.content["evidence"])
    assert not [n for n in zipfile.ZipFile(tmp_path / "s.s11return").namelist() if n.startswith("evidence/")]
    # Its documents, made from the return alone, still give each listed file's size and fingerprint.
    from s11audit.reports.statement_documents import statement_document

    document = statement_document(signed.content, listed[0], {}, (), "")
    listed_entry = signed.content["evidence"][0]
    assert next((e.size, e.sha256) for e in document.evidence) == (listed_entry["size"], listed_entry["sha256"])


# --- the reader refuses what does not add up ------------------------------------------------------------


def _resigned(source: Path, target: Path, edit, extra: list[tuple[str, bytes]] = ()) -> Path:
    """``source`` with its return.json edited (and members added), signed again with a new key."""
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    content = json.loads(members["return.json"])
    edit(content)
    ordered = [("return.json", json_bytes(content)), ("standards.json", members["standards.json"]), *extra]
    key = generate_private_key()
    manifest = json_bytes(build_manifest(ordered, public_key_of(key)))
    write_zip(target, [*ordered, (MANIFEST_MEMBER, manifest), (SIGNATURE_MEMBER, signer(key)(manifest))])
    return target


@pytest.mark.parametrize(("edit", "extra", "reason"), [
    (lambda c: c["evidence"][0].update(member="evidence/1-a.pdf"), [("evidence/1-a.pdf", b"%PDF")],
     "is listed as not included but names member 'evidence/1-a.pdf'"),
    (lambda c: None, [("evidence/9-extra.pdf", b"%PDF")], "member evidence/9-extra.pdf is not described"),
    (lambda c: c["evidence"][0].pop("included"), [], "is carried, but return.json says the return carries only a list"),
    (lambda c: (c.pop("return_evidence"), c["evidence"][0].pop("included")), [],
     "names no member and is not marked as not included"),
    (lambda c: c.update(return_evidence="none"), [], "says it carries no evidence"),
    (lambda c: c.update(return_evidence="some"), [], "return.json: return_evidence is"),
    (lambda c: c["evidence"][0].update(included="no"), [], "return.json: evidence[0].included must be true or false"),
])
def test_a_listed_return_that_does_not_add_up_is_refused(listed, tmp_path, edit, extra, reason):
    bad = _resigned(listed[2], tmp_path / "bad.s11return", edit, extra)
    result = verify_return(bad)
    assert not result.valid and reason in result.reason, result.reason


def test_a_carried_file_in_a_return_that_says_list_is_refused(tmp_path, shipped_sets):
    _, returned = _signed_audit(tmp_path, shipped_sets["s11-wt2023"])
    bad = _resigned(returned, tmp_path / "bad.s11return", lambda c: c.update(return_evidence="list"),
                    [(n, zipfile.ZipFile(returned).read(n)) for n in zipfile.ZipFile(returned).namelist()
                     if n.startswith("evidence/")])
    result = verify_return(bad)
    assert result.code == "evidence-mismatch" and "return.json says the return carries only a list" in result.reason


# --- request, supplement, import ------------------------------------------------------------------------


def test_request_supplement_and_import_bring_the_files_of_one_standard(unit, tmp_path):
    workspace, return_id, audit_path = unit
    standard_id, heading, count = supplements.standards_to_ask_about(workspace, return_id)[0]
    request = supplements.evidence_request(workspace, return_id, standard_id)
    assert request.return_sha256 == workspace.session.get(ImportedReturn, return_id).return_sha256
    assert len(request.files) == count and request.standard == heading
    written = write_request(tmp_path / supplements.request_file_name(request), request)
    assert written.suffix == ".s11request" and read_request(written).files == request.files
    email = supplements.request_email(request, written.name)
    assert "File > Answer an evidence request…" in email and written.name in email
    assert all(f.name in email for f in request.files)
    with AuditFile.open(audit_path, user="Lead") as audit_file:
        supplement = export_supplement(audit_file, written, tmp_path / "answer.s11supplement")
    names = zipfile.ZipFile(supplement).namelist()
    assert names[0] == "supplement.json" and names[-2:] == ["manifest.json", "signature.bin"]
    assert len(names) == 3 + count
    taken = supplements.import_supplement(workspace, supplement)
    assert len(taken.stored) == count and taken.return_id == return_id
    rows = _evidence_rows(audit_path)
    for wanted in request.files:
        assert supplements.evidence_data(workspace, return_id, wanted.id) == rows[wanted.id][2]
    statuses = {line.evidence_id: line.status for line in supplements.return_evidence(workspace, return_id)}
    assert {statuses[f.id] for f in request.files} == {"received in an evidence supplement"}
    # Asked again: nothing new to ask for on that standard; importing the same supplement again stores nothing.
    assert standard_id not in [s for s, _, _ in supplements.standards_to_ask_about(workspace, return_id)]
    again = supplements.import_supplement(workspace, supplement)
    assert again.stored == () and len(again.already_held) == count
    assert [e.outcome for e in workspace.import_log() if e.outcome == "evidence"] == ["evidence", "evidence"]


def test_the_commands_answer_a_request_and_import_the_supplement(unit, tmp_path, capsys):
    workspace, return_id, audit_path = unit
    standard_id = supplements.standards_to_ask_about(workspace, return_id)[0][0]
    request = write_request(tmp_path / "ask.s11request", supplements.evidence_request(workspace, return_id,
                                                                                       standard_id))
    out = tmp_path / "answer.s11supplement"
    assert main(["supplement", str(audit_path), "--request", str(request), "--out", str(out)]) == 0
    assert f"Evidence supplement: {out}" in capsys.readouterr().out
    workspace_path = workspace.path
    workspace.close()
    assert main(["import-supplement", str(workspace_path), str(out)]) == 0
    assert "stored with its return" in capsys.readouterr().out
    assert main(["import-supplement", str(workspace_path), str(request)]) == 2
    assert "is not a valid evidence supplement" in capsys.readouterr().err


def test_a_request_for_another_audit_is_refused(unit, tmp_path, shipped_sets):
    workspace, return_id, _ = unit
    standard_id = supplements.standards_to_ask_about(workspace, return_id)[0][0]
    request = write_request(tmp_path / "ask.s11request", supplements.evidence_request(workspace, return_id,
                                                                                       standard_id))
    other, _ = _signed_audit(tmp_path / "other", _set_with(shipped_sets, "list"))
    with AuditFile.open(other, user="Lead") as audit_file, pytest.raises(ExportError, match="is for another audit"):
        export_supplement(audit_file, request, tmp_path / "answer.s11supplement")
    assert not (tmp_path / "answer.s11supplement").exists()
    assert main(["supplement", str(other), "--request", str(request), "--out", str(tmp_path / "x.s11supplement")]) == 2


def test_a_tampered_supplement_is_refused_naming_the_file(unit, tmp_path):
    workspace, return_id, audit_path = unit
    good = _answer(workspace, return_id, audit_path, tmp_path)
    with zipfile.ZipFile(good) as archive:
        members = [(n, archive.read(n)) for n in archive.namelist()]
    members[1] = (members[1][0], members[1][1] + b" changed")
    bad = tmp_path / "tampered.s11supplement"
    write_zip(bad, members)
    with pytest.raises(AuditFileError, match=r"tampered\.s11supplement: is not a valid evidence supplement: member "
                                             r"evidence/1-.* has changed since signing"):
        supplements.import_supplement(workspace, bad)
    assert supplements.return_evidence(workspace, return_id)[0].held is False


def _supplement_content(workspace, return_id) -> tuple[dict, list[dict]]:
    content = workspace.return_content(return_id)
    ret = workspace.return_row(return_id)
    listed = [e for e in content["evidence"] if e.get("included") is False]
    head = {"return_sha256": workspace.session.get(ImportedReturn, return_id).return_sha256, "cycle": CYCLE,
            "standard_id": "1", "organisation": {"name": ret.name, "reference": ret.reference}}
    return head, listed


def _org_key(audit_path: Path):
    with AuditFile.open(audit_path, user="Lead", read_only=True) as audit_file:
        sign_off = audit_file.latest_assessment().sign_off
        return sign_off.public_key_bytes(), sign_off.signer()


def test_a_supplement_signed_with_another_key_is_refused(unit, tmp_path):
    workspace, return_id, audit_path = unit
    head, listed = _supplement_content(workspace, return_id)
    rows = _evidence_rows(audit_path)
    entry = {k: listed[0][k] for k in ("id", "name", "original_name", "description", "media_type")}
    key = generate_private_key()
    path = write_supplement(tmp_path / "stranger.s11supplement", {**head, "evidence": [entry]},
                            [(str(entry["id"]), rows[str(entry["id"])][2])], public_key_of(key), signer(key))
    with pytest.raises(AuditFileError, match=r"stranger\.s11supplement: is signed with key .*, not the key of the "
                                             "return it names"):
        supplements.import_supplement(workspace, path)


def test_a_file_the_return_did_not_list_or_listed_otherwise_is_refused(unit, tmp_path):
    workspace, return_id, audit_path = unit
    head, listed = _supplement_content(workspace, return_id)
    public_key, sign = _org_key(audit_path)
    entry = {k: listed[0][k] for k in ("id", "name", "original_name", "description", "media_type")}
    other = write_supplement(tmp_path / "other.s11supplement", {**head, "evidence": [{**entry, "id": 999}]},
                             [("999", b"a file never listed")], public_key, sign)
    with pytest.raises(AuditFileError, match=r"other\.s11supplement: holds evidence '999' .* which is not a file the "
                                             "return lists"):
        supplements.import_supplement(workspace, other)
    changed = write_supplement(tmp_path / "changed.s11supplement", {**head, "evidence": [entry]},
                               [(str(entry["id"]), b"other bytes than the return listed")], public_key, sign)
    with pytest.raises(AuditFileError, match=r"changed\.s11supplement: .* it is not the file the return listed"):
        supplements.import_supplement(workspace, changed)
    assert not any(line.held for line in supplements.return_evidence(workspace, return_id))


def test_a_supplement_for_a_return_the_workspace_does_not_hold_is_refused(unit, tmp_path):
    workspace, return_id, audit_path = unit
    head, listed = _supplement_content(workspace, return_id)
    public_key, sign = _org_key(audit_path)
    entry = {k: listed[0][k] for k in ("id", "name", "original_name", "description", "media_type")}
    path = write_supplement(tmp_path / "lost.s11supplement", {**head, "return_sha256": "0" * 64, "evidence": [entry]},
                            [(str(entry["id"]), b"x")], public_key, sign)
    with pytest.raises(AuditFileError, match="is for a return this workspace does not hold"):
        supplements.import_supplement(workspace, path)


def test_a_request_that_is_not_one_is_refused_plainly(tmp_path):
    request = EvidenceRequest("2026/27", "X", "R", "a" * 64, "ab12 cd34 ef56 7890", "1",
                              (RequestedFile("7", "policy.pdf", "b" * 64, 10),))
    path = write_request(tmp_path / "junk.s11request", request)
    assert read_request(path) == request
    path.write_bytes(path.read_bytes().replace(b'"cycle": "2026/27"', b'"cycle": 3'))
    with pytest.raises(SupplementError, match=r"junk\.s11request: the request: cycle must be text"):
        read_request(path)
    path.write_bytes(b'{"format": "s11audit-evidence-request/9"}')
    with pytest.raises(SupplementError, match="newer than this version of s11audit reads"):
        read_request(path)
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(SupplementError, match="it is not an evidence request"):
        read_request(path)
    with pytest.raises(ReturnError, match="evidence must not be empty"):
        write_request(tmp_path / "empty.s11request", dataclasses.replace(request, files=()))


def test_a_return_is_not_a_supplement(listed):
    with pytest.raises(SupplementError, match=r"member return\.json is not a member this file may have"):
        read_supplement(listed[2])


# --- the standards format -------------------------------------------------------------------------------


def test_a_based_on_set_inherits_return_evidence_and_the_workbook_keeps_it(tmp_path, shipped_sets):
    from tests.core.test_standards import HEAD, MINIMAL, mutate, write

    own = load_file(write(tmp_path, mutate("sign_off:\n", "return_evidence: list\nsign_off:\n"), "own.yaml"))
    assert own.return_evidence == "list" and own.content["return_evidence"] == "list"
    derived = load_file(write(tmp_path, mutate("id: mini-set", "id: mini-peer", text=HEAD)
                              + 'based_on:\n  set: mini-set\n  standards: ["2"]\n', "peer.yaml"), bases=[own])
    assert derived.return_evidence == "list"
    assert load_file(write(tmp_path, MINIMAL, "plain.yaml")).return_evidence == "files"
    assert all(s.return_evidence == "files" and "return_evidence" not in s.content for s in shipped_sets.values())
    workbook = write_workbook(own.content, tmp_path / "set.xlsx")
    workbook_to_yaml(workbook, tmp_path / "again.yaml")
    again = load_file(tmp_path / "again.yaml")
    assert again.return_evidence == "list" and again.content_hash == own.content_hash


def test_another_value_of_return_evidence_is_refused(tmp_path):
    from s11audit.standards import StandardsError
    from tests.core.test_standards import mutate, write

    with pytest.raises(StandardsError, match=r"return_evidence|return evidence"):
        load_file(write(tmp_path, mutate("sign_off:\n", "return_evidence: some\nsign_off:\n")))


def test_a_starting_file_from_a_listed_return_carries_what_the_workspace_holds(unit, tmp_path, listed):
    """Next cycle's starting file is made from the listed return: the answers go across, and the evidence
    files only the organisation holds are not looked for (no failure); after a supplement, its files go too."""
    from s11audit.business_unit.cycle_starting_files import starting_files_for_cycle

    standards_set = listed[0]
    workspace, return_id, audit_copy = unit
    organisation = workspace.organisation(workspace.return_row(return_id).organisation_id)
    following = workspace.add_cycle("2027/28", standards_set, dt.date(2028, 3, 31), previous=CYCLE)
    workspace.add_organisation(following.id, OrganisationEntry(organisation.name, organisation.reference, "Agency",
                                                               organisation.org_type))
    [registered] = workspace.organisations(following.id)

    def carried(folder: Path) -> int:
        [result] = starting_files_for_cycle(workspace, following, [registered.id], folder)
        assert result.written, result.reason
        with AuditFile.open(result.path, user="Lead") as audit_file:
            return len(audit_file.assessment(audit_file.audits()[-1].id).evidence.all_evidence())

    assert carried(tmp_path / "before") == 0
    supplements.import_supplement(workspace, _answer(workspace, return_id, audit_copy, tmp_path))
    assert carried(tmp_path / "after") > 0
