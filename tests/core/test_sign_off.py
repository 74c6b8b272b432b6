"""Sign-off in the core store: the checks before signing, the lock after it, the key, and reopening."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from s11audit.cli import main
from s11audit.returns.keys import fingerprint
from s11audit.sample import make_sample, sign_sample
from s11audit.store import (
    AuditFile,
    AuditFileError,
    EvidenceFile,
    ReadOnlyError,
    SignatoryEntry,
    SignOffError,
)
from s11audit.store.database import head_revision

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = dt.date.today()


def _everyone(standards_set) -> list[SignatoryEntry]:
    return [SignatoryEntry(s.role, f"Person {n}", TODAY, True)
            for n, s in enumerate(standards_set.sign_off.signatories)]


def _evidence_without_ids(rows) -> list[tuple]:
    return [(r.name, r.description, r.sha256, r.size, r.links) for r in rows]


def _actions_without_ids(rows) -> list[tuple]:
    return [(a.standard_id, a.description, a.owner, a.due_date, a.status) for a in rows]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sample_path(tmp_path, s11_set) -> Path:
    return make_sample(tmp_path / "sample.s11audit", s11_set)


@pytest.fixture
def signed_path(tmp_path, s11_set) -> Path:
    return make_sample(tmp_path / "signed.s11audit", s11_set, signed=True)


# --- refusals before signing ----------------------------------------------------------------------

def test_signing_an_incomplete_audit_lists_what_blocks_it(agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    assessment.set_grade("1", "green")
    with pytest.raises(SignOffError, match="cannot be signed off yet") as caught:
        assessment.sign(_everyone(s11_set))
    message = str(caught.value)
    assert "Standard 2: not graded yet" in message and "and " in message  # long lists are cut short
    assert caught.value.missing and caught.value.missing[0].standard_id
    assert len(caught.value.blockers) == len(assessment.completeness().missing)
    assert not assessment.is_signed and not assessment.read_only and assessment.signatories() == []


def test_required_role_missing_or_unconfirmed_is_refused(sample_path, s11_set):
    with AuditFile.open(sample_path, "Lead") as audit_file:
        assessment = audit_file.latest_assessment()
        required = [s.role for s in s11_set.sign_off.signatories if s.required]
        everyone = _everyone(s11_set)
        with pytest.raises(SignOffError, match=re.escape(f"the required signatory {required[0]} has not signed")):
            assessment.sign([e for e in everyone if e.role != required[0]])
        unconfirmed = [SignatoryEntry(e.role, e.name, e.signed_on, e.role != required[1]) for e in everyone]
        with pytest.raises(SignOffError, match="has not confirmed they have read the return"):
            assessment.sign(unconfirmed)
        nameless = [SignatoryEntry(e.role, "  " if e.role == required[0] else e.name, e.signed_on, True)
                    for e in everyone]
        with pytest.raises(SignOffError, match="needs a name"):
            assessment.sign(nameless)
        undated = [SignatoryEntry(e.role, e.name, None, True) for e in everyone]
        with pytest.raises(SignOffError, match="needs the date they signed"):
            assessment.sign(undated)
        with pytest.raises(SignOffError, match="not a signatory role"):
            assessment.sign([*everyone, SignatoryEntry("Head of Finance", "Pat", TODAY, True)])
        assert not assessment.is_signed and assessment.signatories() == []
        assert all("signed off" not in t.what for t in assessment.trail())


def test_optional_role_may_be_left_out(sample_path, s11_set):
    with AuditFile.open(sample_path, "Lead") as audit_file:
        assessment = audit_file.latest_assessment()
        required = [e for e, s in zip(_everyone(s11_set), s11_set.sign_off.signatories, strict=True) if s.required]
        assessment.sign([*required, SignatoryEntry("Safeguarding lead completing the return", "", None, False)])
        assert [e.role for e in assessment.signatories()] == [e.role for e in required]


# --- signing and the lock -------------------------------------------------------------------------

def test_signing_a_complete_sample(sample_path, s11_set):
    with AuditFile.open(sample_path, "Priya Shah") as audit_file:
        assessment = audit_file.latest_assessment()
        assessment.sign(_everyone(s11_set))
        assert assessment.is_signed and assessment.read_only
        assert assessment.signatories() == _everyone(s11_set)
        [summary] = audit_file.audits()
        assert summary.status == "signed" and summary.is_signed and summary.signed_at is not None
        assert assessment.sign_off.signed_by == "Priya Shah"
        latest = assessment.trail()[0]
        assert latest.what == "Audit signed off" and "Person 0" in latest.new_value
        assert assessment.key_fingerprint() in latest.new_value
        with pytest.raises(ReadOnlyError, match="signed off on"):
            assessment.sign(_everyone(s11_set))


def test_a_signed_audit_refuses_every_change_and_the_file_is_unchanged(signed_path, s11_set):
    with AuditFile.open(signed_path, "Editor") as audit_file:
        assessment = audit_file.latest_assessment()
        evidence = assessment.evidence.all_evidence()[0]
        action = assessment.actions.all_actions()[0]
        responses, answers, trail = assessment.responses(), assessment.answers(), assessment.trail()
        before = _digest(signed_path)
        new_file = EvidenceFile("new.txt", b"new", hashlib.sha256(b"new").hexdigest(), "text/plain")
        changes = [
            lambda: assessment.set_grade("1", "red"),
            lambda: assessment.set_not_applicable("1", "No longer relevant"),
            lambda: assessment.set_na_reason("1", "Changed reason"),
            lambda: assessment.set_narrative("1", "Rewritten after signing"),
            lambda: assessment.set_example("1", "A new example"),
            lambda: assessment.restore_judgement("1", "red", False, ""),
            lambda: assessment.set_answer("1.4", "2020-01-01"),
            lambda: assessment.evidence.add(new_file, [("1", "")]),
            lambda: assessment.evidence.rename(evidence.id, "Renamed"),
            lambda: assessment.evidence.describe(evidence.id, "Changed description"),
            lambda: assessment.evidence.link(evidence.id, assessment.standards[-1].id),
            lambda: assessment.evidence.unlink(evidence.id, *evidence.links[0]),
            lambda: assessment.evidence.remove(evidence.id),
            lambda: assessment.actions.add("1", "A new action"),
            lambda: assessment.actions.update(action.id, description="Changed"),
            lambda: assessment.actions.remove(action.id),
        ]
        for change in changes:
            with pytest.raises(ReadOnlyError, match=r"signed off on \d+ \w+ \d{4} and cannot be changed; reopen it"):
                change()
        assert (assessment.responses(), assessment.answers(), assessment.trail()) == (responses, answers, trail)
        assert assessment.evidence.all_evidence()[0] == evidence and assessment.actions.all_actions()[0] == action
        assert _digest(signed_path) == before
    assert _digest(signed_path) == before


def test_signed_audit_stays_signed_when_the_file_is_reopened(signed_path, s11_set):
    with AuditFile.open(signed_path, "u") as audit_file:
        fingerprint_before = audit_file.latest_assessment().key_fingerprint()
    with AuditFile.open(signed_path, "someone else") as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.is_signed and assessment.read_only
        assert [s.role for s in assessment.signatories()] == [s.role for s in s11_set.sign_off.signatories]
        assert assessment.key_fingerprint() == fingerprint_before
        with pytest.raises(ReadOnlyError, match="signed off"):
            assessment.set_narrative("1", "Changed")
    with AuditFile.open(signed_path, "viewer", read_only=True) as viewer:
        assert viewer.latest_assessment().is_signed


# --- the organisation's key -----------------------------------------------------------------------

def test_key_pair_is_made_once_and_reused_by_a_second_signed_audit(signed_path, s11_set):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    with AuditFile.open(signed_path, "Lead") as audit_file:
        first = audit_file.latest_assessment()
        public_key = first.public_key_bytes()
        assert len(public_key) == 32
        second = audit_file.start_audit(s11_set, "2027/28")
        with pytest.raises(AuditFileError, match="only a signed-off audit"):
            second.sign_bytes(b"data")
        from s11audit.sample import fill_assessment
        fill_assessment(second, "Northfield")
        sign_sample(second)
        assert second.public_key_bytes() == public_key
        key_entry = second.trail()[0].new_value
        assert "organisation key" in key_entry and "new organisation key" not in key_entry
        signature = second.sign_bytes(b"manifest bytes")
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, b"manifest bytes")  # raises if invalid
    with sqlite3.connect(signed_path) as db:
        assert db.execute("SELECT count(*) FROM signing_key").fetchone()[0] == 1
        assert len(db.execute("SELECT private_key FROM signing_key").fetchone()[0]) == 32
    db.close()


def test_fingerprint_format(signed_path):
    with AuditFile.open(signed_path, "u") as audit_file:
        assessment = audit_file.latest_assessment()
        shown = assessment.key_fingerprint()
        assert re.fullmatch(r"[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}", shown)
        assert shown.replace(" ", "") == hashlib.sha256(assessment.public_key_bytes()).hexdigest()[:16]
    assert fingerprint(bytes(32)) == " ".join(re.findall("....", hashlib.sha256(bytes(32)).hexdigest()[:16]))


def test_unsigned_file_has_no_key(agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    with pytest.raises(AuditFileError, match="no signing key yet"):
        assessment.key_fingerprint()


# --- reopening for changes ------------------------------------------------------------------------

def test_reopen_for_changes_copies_everything_into_an_editable_version_2(signed_path, s11_set):
    with AuditFile.open(signed_path, "Lead") as audit_file:
        signed = audit_file.latest_assessment()
        unsigned = audit_file.start_audit(s11_set, "2030/31")
        with pytest.raises(AuditFileError, match="only a signed-off audit can be reopened"):
            audit_file.reopen_for_changes(unsigned.id)
        kept = (signed.responses(), signed.answers(), signed.evidence.all_evidence(), signed.actions.all_actions(),
                signed.trail())
        contents = [signed.evidence.content(e.id) for e in kept[2]]

        reopened = audit_file.reopen_for_changes(signed.id)
        with pytest.raises(AuditFileError, match="already been reopened as version 2"):
            audit_file.reopen_for_changes(signed.id)
        versions = [a for a in audit_file.audits() if a.cycle == "2026/27"]
        assert [(a.version_no, a.status, a.parent_id) for a in versions] == [(1, "signed", None),
                                                                             (2, "in_progress", signed.id)]
        assert audit_file.latest_assessment().id == reopened.id
        assert not reopened.is_signed and not reopened.read_only and reopened.signatories() == []
        assert reopened.cycle == signed.cycle
        assert reopened.standards_set.content_hash == signed.standards_set.content_hash
        assert reopened.responses() == kept[0] and reopened.answers() == kept[1]
        copies = reopened.evidence.all_evidence()
        assert _evidence_without_ids(copies) == _evidence_without_ids(kept[2])
        assert {c.id for c in copies}.isdisjoint(e.id for e in kept[2])
        assert [reopened.evidence.content(c.id) for c in copies] == contents
        assert _actions_without_ids(reopened.actions.all_actions()) == _actions_without_ids(kept[3])
        assert reopened.completeness().complete
        assert reopened.trail()[0].what == "Audit reopened for changes"

        reopened.set_grade("1", "red")
        reopened.evidence.remove(copies[0].id)
        reopened.actions.remove(reopened.actions.all_actions()[0].id)
        assert (signed.responses(), signed.answers(), signed.evidence.all_evidence(), signed.actions.all_actions(),
                signed.trail()) == kept
        assert [signed.evidence.content(e.id) for e in kept[2]] == contents
        reopened_id = reopened.id
    with AuditFile.open(signed_path, "u") as audit_file:
        assert audit_file.latest_assessment().id == reopened_id
        assert audit_file.assessment(signed.id).is_signed
        assert audit_file.latest_assessment().response("1").grade == "red"


# --- the command line and old files ---------------------------------------------------------------

def test_sample_signed_from_the_command_line(capsys, tmp_path, s175_set):
    out_file = tmp_path / "signed-school.s11audit"
    assert main(["sample", "--set", "s175-kcsie2025", "--signed", str(out_file)]) == 0
    assert "signed-off" in capsys.readouterr().out
    with AuditFile.open(out_file, "u", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.is_signed and assessment.read_only
        assert [s.role for s in assessment.signatories()] == [s.role for s in s175_set.sign_off.signatories]
        assert all(s.confirmed_read and s.signed_on == dt.date.today() and s.name for s in assessment.signatories())


def test_schema1_file_upgrades_with_sign_off_and_keeps_its_answers(tmp_path):
    path = tmp_path / "old.s11audit"
    shutil.copy(FIXTURES / "schema1.s11audit", path)
    with AuditFile.open(path, "u") as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.response("1").grade == "amber" and assessment.answer("1.4") == "2025-09-15"
        assert not assessment.is_signed and not assessment.read_only and assessment.signatories() == []
        assert audit_file.audits()[0].signed_at is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision() == "0007"
        assert db.execute("SELECT signed_by FROM audit").fetchone()[0] == ""
        assert db.execute("SELECT count(*) FROM signing_key").fetchone()[0] == 0
    db.close()
