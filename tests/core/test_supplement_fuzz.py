"""Seeded fuzz of the evidence supplement reader (issue 17), as ``test_returns_fuzz.py`` does for returns: byte
flips, header edits, cuts, added bytes and ZIP member edits from ``benchmarks/return_mutations.py``, and
``supplement.json`` or ``manifest.json`` edited and signed again with the organisation's key or a stranger's.
``read_supplement`` must refuse each with a reason naming the file (never another exception), and the business
unit's import must store nothing but the files the return listed, byte for byte."""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile
from collections.abc import Callable

from benchmarks.return_mutations import KINDS, Mutator, _edit_json
from s11audit.business_unit import supplements
from s11audit.returns import generate_private_key, signer
from s11audit.returns.format import MANIFEST_MEMBER, SIGNATURE_MEMBER, SUPPLEMENT_MEMBER, json_bytes, write_zip
from s11audit.returns.supplement import SupplementError, read_supplement
from s11audit.store import AuditFile, AuditFileError
from tests.core.test_return_evidence import _answer, _evidence_rows, listed, unit  # noqa: F401 - fixtures

CASES = 140


def _resigned(original: bytes, sign: Callable[[bytes], bytes], rng: random.Random) -> bytes:
    """``supplement.json`` (its manifest entry made to match) or ``manifest.json`` edited with an odd value,
    then signed again."""
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    ordered = [(n, d) for n, d in members.items() if n not in (MANIFEST_MEMBER, SIGNATURE_MEMBER)]
    if rng.random() < 0.7:
        text, _ = _edit_json(members[SUPPLEMENT_MEMBER].decode("utf-8"), rng)
        ordered[0] = (SUPPLEMENT_MEMBER, text.encode("utf-8", "surrogatepass"))
        manifest = json.loads(members[MANIFEST_MEMBER])
        manifest["members"][0].update(sha256=hashlib.sha256(ordered[0][1]).hexdigest(), size=len(ordered[0][1]))
        manifest_bytes = json_bytes(manifest)
    else:
        text, _ = _edit_json(members[MANIFEST_MEMBER].decode("utf-8"), rng)
        manifest_bytes = text.encode("utf-8", "surrogatepass")
    out = io.BytesIO()
    write_zip(out, [*ordered, (MANIFEST_MEMBER, manifest_bytes), (SIGNATURE_MEMBER, sign(manifest_bytes))])
    return out.getvalue()


def test_the_supplement_reader_refuses_every_mutation_with_a_reason(unit, tmp_path):  # noqa: F811 - fixture
    workspace, return_id, audit_path = unit
    original = _answer(workspace, return_id, audit_path, tmp_path).read_bytes()
    with AuditFile.open(audit_path, user="Lead", read_only=True) as audit_file:
        own = audit_file.latest_assessment().sign_off.signer()
    stranger = signer(generate_private_key())
    mutator = Mutator(original, generate_private_key(), seed=20261203)
    kinds, codes = set(), {}
    for index in range(CASES):
        kind = KINDS[index % len(KINDS)]  # the mutator's own choice of kind for this case
        kinds.add(kind)
        rng = random.Random(index)
        if kind == "resigned":  # the mutator re-signs a return's members; a supplement's are its own
            data, detail = _resigned(original, own if rng.random() < 0.5 else stranger, rng), "re-signed"
        else:
            case = mutator.case(index)
            data, detail = case.data, case.detail
        path = tmp_path / f"case-{index:04d}.s11supplement"
        path.write_bytes(data)
        try:
            read_supplement(path)
        except SupplementError as exc:
            codes[exc.code] = codes.get(exc.code, 0) + 1
            assert exc.reason and str(exc).startswith(path.name), (kind, detail)
            continue
        codes["valid"] = codes.get("valid", 0) + 1
        try:
            supplements.import_supplement(workspace, path)
        except AuditFileError as exc:
            assert str(exc).startswith(path.name), (kind, detail)
    assert kinds == set(KINDS)
    assert codes.get("valid", 0) < CASES and len(codes) > 6, codes
    rows = _evidence_rows(audit_path)
    for line in supplements.return_evidence(workspace, return_id):
        if line.held:  # whatever got in is the very file the return listed
            assert supplements.evidence_data(workspace, return_id, line.evidence_id) == rows[line.evidence_id][2]
