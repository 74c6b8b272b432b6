"""Make a register of N organisations and N realistic signed returns (``.s11return``) for it.

For tests and benchmarks of the business unit's import, tracking and findings. Returns are built
as plain ``return.json`` content (the shape ``export.return_content`` writes) and written straight
with ``returns.write_return``, without an audit file per organisation, so 10,000 take minutes, not
hours. Everything follows a seed: the same command gives the same organisations, grades and keys
(each organisation's Ed25519 key is derived from its reference and the seed, so a second return
from the same organisation is signed with the same key, as a real one would be).

    python benchmarks/make_returns.py OUT_DIR --set s175-kcsie2025 -n 400 [--register register.csv]
        [--evidence] [--seed 2026] [--cycle 2026/27] [--statements STATEMENTS_DIR [--statement-cycle 2027/28]]

With ``--statements`` it also writes, for each organisation, an annual compliance statement (a return of
kind ``compliance_statement``, issue 16, built as ``export.statement_content`` builds it) on the return it
made: signed with the same organisation's key, naming that return by the SHA-256 of its ``return.json``,
most standards "same", some improved or declined (a narrative, maybe a new grade, and a new action where
one declined), and every open action of the baseline given its progress (completed, some late, some with
evidence of completion when ``--evidence``; in progress, mostly with a new due date; dropped with a reason;
not started with a note). Statements go in their own folder: importing a folder takes its subfolders too,
and a full cycle refuses statements.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from s11audit.organisations import EDUCATION, TYPES_BY_ID
from s11audit.returns import KIND_STATEMENT, public_key_of, signer, write_return
from s11audit.returns.trail import trail_summary
from s11audit.sample import GAPS, OPENINGS, PEOPLE, ROLES, SIGNATORY_NAMES, STRENGTHS, _answer
from s11audit.standards import StandardsSet

# (type id, sector, share of the register, name pattern)
SCHOOL_MIX = [("primary", "Education", 0.62, "{place} {saint}Primary School"),
              ("secondary", "Education", 0.2, "{place} {saint}Academy"),
              ("special", "Education", 0.07, "{place} Special School"),
              ("alternative_provision", "Education", 0.05, "{place} Pupil Referral Unit"),
              ("independent", "Education", 0.03, "{place} {saint}Independent School"),
              ("fe_college", "Education", 0.03, "{place} College")]
AGENCY_MIX = [("health", "Health", 0.3, "{place} {health}"),
              ("police", "Police", 0.05, "{place} Police"),
              ("local_authority", "Local authority", 0.1, "{place} Council Children's Services"),
              ("district_council", "Local authority", 0.1, "{place} Borough Council"),
              ("probation", "Criminal justice", 0.05, "Probation Service {place} PDU"),
              ("youth_justice", "Criminal justice", 0.05, "{place} Youth Justice Service"),
              ("voluntary_community", "Voluntary and community", 0.35, "{place} {charity}")]
PLACES = ["Northfield", "Ashby", "Brookhurst", "Castleford", "Dunmore", "Eastwick", "Fenwick", "Greystone",
          "Hallam", "Ivybridge", "Kingsmead", "Larkfield", "Millbrook", "Newhall", "Oakley", "Pendle", "Queensbury",
          "Riverside", "Stonebridge", "Thornbury", "Upton", "Westfield", "Yardley", "Bishop's Wood"]
SAINTS = ["", "", "St Mary's CE ", "St Joseph's Catholic ", "Holy Trinity ", "St Aidan's "]
HEALTH = ["Community Health NHS Trust", "Hospitals NHS Foundation Trust", "Medical Practice", "Integrated Care Board"]
CHARITIES = ["Youth Project", "Family Support Trust", "Scouts District", "Community Sports Club", "Faith Centre"]
ACTION_VERBS = ["Review and relaunch", "Audit and report on", "Deliver briefings on", "Refresh training on"]
# A statement's answers (issue 16): shares of the positions on each standard the baseline graded, and of
# the progress of each open baseline action.
POSITIONS = (("same", 0.86), ("improved", 0.09), ("declined", 0.05))
PROGRESS = (("complete", 0.45), ("in_progress", 0.37), ("dropped", 0.08), ("not_started", 0.1))
NEW_GRADE_SHARE = 0.6  # of changed standards given a new grade (when the set asks for one)
COMPLETED_ON_TIME_SHARE = 0.65  # of completed actions due long enough after the baseline was signed
ON_TIME_MIN_DAYS = 14
NEW_DUE_DATE_SHARE = 0.8  # of actions in progress given a new due date
COMPLETION_EVIDENCE_SHARE = 0.5  # of completed actions with evidence of completion (with ``with_evidence``)
IMPROVED = ["{topic}: the new policy was launched in the autumn and every team has been briefed.",
            "{topic}: the audit we promised found the arrangements working in every service."]
DECLINED = ["{topic}: two recruitment files had no second reference; the lead left in the summer.",
            "{topic}: training lapsed for a quarter of staff after the reorganisation."]
PROGRESS_NOTES = {"complete": "Done and reported to the safeguarding committee.",
                  "in_progress": "Half the teams are done; the rest are booked for next term.",
                  "dropped": "",
                  "not_started": "Waiting for the partnership's joint audit, which moved to the spring."}
DROPPED_REASONS = ["Replaced by the partnership's joint audit.", "No longer needed after the restructure."]


@dataclass(frozen=True)
class Organisation:
    """One organisation of a generated register (the columns a register file has)."""

    name: str
    reference: str
    sector: str
    org_type: str
    contact_name: str
    contact_email: str


def make_register(n: int, standards_set: StandardsSet, seed: int = 2026) -> list[Organisation]:
    """``n`` organisations of the kinds the set is for, over realistic sectors and types."""
    rng = random.Random(seed)
    mix = SCHOOL_MIX if EDUCATION in standards_set.organisation_kinds else AGENCY_MIX
    types, weights = [m for m in mix], [m[2] for m in mix]
    organisations = []
    for number in range(1, n + 1):
        org_type, sector, _, pattern = rng.choices(types, weights)[0]
        place = rng.choice(PLACES)
        name = pattern.format(place=place, saint=rng.choice(SAINTS), health=rng.choice(HEALTH),
                              charity=rng.choice(CHARITIES))
        reference = f"URN {100000 + number}" if TYPES_BY_ID[org_type].kind == EDUCATION else f"ORG{number:05d}"
        person = rng.choice(PEOPLE)
        domain = place.lower().replace(" ", "").replace(chr(39), "")
        email = f"{person.split()[0].lower()}.{number}@{domain}.example.org"
        organisations.append(Organisation(f"{name} ({number})", reference, sector, org_type,
                                          f"{person}, Safeguarding Lead", email))
    return organisations


def write_register_csv(path: Path, organisations: list[Organisation]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Name", "Reference", "Sector", "Type", "Contact name", "Email"])
        for o in organisations:
            writer.writerow([o.name, o.reference, o.sector, o.org_type, o.contact_name, o.contact_email])
    return path


def private_key(reference: str, seed: int = 2026) -> bytes:
    """The organisation's Ed25519 private key, derived from its reference and the seed (test data only)."""
    return hashlib.sha256(f"s11audit-bench/{seed}/{reference}".encode()).digest()


def return_content(standards_set: StandardsSet, organisation: Organisation, rng: random.Random, *,
                   cycle: str = "2026/27", audit_version: int = 1, signed_at: dt.datetime | None = None,
                   with_evidence: bool = False) -> tuple[dict, list[tuple[str, bytes]]]:
    """``return.json`` content (as ``export.return_content`` makes it) and evidence bytes for one organisation."""
    signed_at = signed_at or dt.datetime(2027, 2, 1, 10, 0) + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 50))
    today = signed_at.date()
    levels = standards_set.grade_scale.levels
    # Each organisation has a general strength; standards vary around it.
    base = rng.choice([len(levels) - 2, len(levels) - 2, len(levels) - 1, max(len(levels) - 3, 0)])
    standards, answers, actions = [], {}, []
    for standard in standards_set.standards_for(organisation.org_type):
        if not standard.graded:  # an information section: answers, no grade (its own rng: graded answers stay put)
            standards.append({"standard_id": standard.id, "grade": None, "not_applicable": False, "na_reason": "",
                              "narrative": "", "example": ""})
            info_rng = random.Random(f"{organisation.reference}/{standard.id}")
            for item in standard.items_for(organisation.org_type):
                answers[item.id] = _answer(item, None, levels, info_rng, today)
            continue
        level = levels[max(0, min(len(levels) - 1, base + rng.choice([-1, 0, 0, 0, 1])))]
        gap = "low" if level.needs_action and level is levels[0] else "mid" if level.needs_action else "high"
        narrative = "\n\n".join([rng.choice(OPENINGS).format(topic=standard.title.lower()), rng.choice(STRENGTHS),
                                 GAPS[gap]])
        standards.append({"standard_id": standard.id, "grade": level.id, "not_applicable": False, "na_reason": "",
                          "narrative": narrative,
                          "example": "Our young people's advisory group co-designed the referral leaflet."
                          if level.requires is not None else ""})
        for item in standard.items_for(organisation.org_type):
            answers[item.id] = _answer(item, level, levels, rng, today)
        if level.needs_action:
            for n in range(rng.choice([1, 1, 2])):
                due = today + dt.timedelta(days=rng.choice([-30, 60, 120, 180]))
                actions.append({"standard_id": standard.id,
                                "action": f"{ACTION_VERBS[n]} {standard.title.lower()} arrangements in every team",
                                "owner": f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}", "due_date": due.isoformat(),
                                "status": rng.choice(["not_started", "in_progress", "in_progress", "complete"]),
                                "progress_notes": "Agreed at the safeguarding committee; reported each quarter."})
    for item_id, value in safeguarding_team(standards_set, organisation, today).items():
        if value is None:  # a second deputy the setting does not have
            answers.pop(item_id, None)
        else:
            answers[item_id] = value
    evidence, files = [], []
    if with_evidence:
        for number, standard in enumerate(standards_set.standards_for(organisation.org_type)[:2], start=1):
            data = f"{organisation.name}\n\nEvidence {number} for {standard.title}.\n".encode()
            evidence.append({"id": number, "name": f"Evidence {number}", "original_name": f"evidence-{number}.txt",
                             "description": f"Supporting evidence for {standard.title}", "media_type": "text/plain",
                             "added_by": organisation.contact_name, "added_at": signed_at.isoformat(),
                             "links": [{"standard_id": standard.id, "item_id": None}]})
            files.append((str(number), data))
    trail = [{"at": (signed_at - dt.timedelta(days=30 - i)).isoformat(), "user": rng.choice(PEOPLE),
              "action": "Grade", "detail": "set"} for i in range(rng.randint(5, 25))]
    content = {
        "created_at": signed_at.isoformat(),
        "organisation": {"name": organisation.name, "reference": organisation.reference,
                         "kind": TYPES_BY_ID[organisation.org_type].kind, "org_type": organisation.org_type,
                         "contact": {"name": organisation.contact_name, "email": organisation.contact_email}},
        "cycle": cycle,
        "audit_version": audit_version,
        "standards_set": {"id": standards_set.id, "version": standards_set.version,
                          "content_hash": standards_set.content_hash},
        "standards": standards,
        "item_answers": [{"item_id": k, "value": v, "comment": ""} for k, v in sorted(answers.items())],
        "evidence": evidence,
        "action_plan": actions,
        "sign_off": {"declaration": standards_set.sign_off.declaration,
                     "signatories": [{"role": role.role, "name": SIGNATORY_NAMES[i % len(SIGNATORY_NAMES)],
                                      "signed_on": today.isoformat(), "confirmed_read": True}
                                     for i, role in enumerate(standards_set.sign_off.signatories)],
                     "signed_at": signed_at.isoformat()},
        "audit_trail": trail_summary(trail),
    }
    return content, files


def safeguarding_team(standards_set: StandardsSet, organisation: Organisation,
                      today: dt.date) -> dict[str, object | None]:
    """Answers naming the DSL and deputies, their contacts and DSL training dates, for the items of the set
    that ask for them (``dsl_directory.items_for``). From their own random stream (the reference, not
    the cycle: the same people next cycle), so the other answers are as before. About one DSL in eight and one
    deputy in five was last trained more than two years before the return was signed. ``None``: leave it blank."""
    from s11audit.business_unit.dsl_directory import DirectoryError, items_for

    try:
        items = items_for(standards_set)
    except DirectoryError:
        return {}
    org_type = organisation.org_type
    asked = {i.id for s in standards_set.standards_for(org_type) for i in s.items_for(org_type)}
    rng = random.Random(f"dsl/{organisation.reference}")
    domain = organisation.contact_email.split("@")[-1] or "school.example.org"
    people = rng.sample(PEOPLE, 3)
    answers: dict[str, object | None] = {}
    deputies = rng.choice([1, 2, 2, 2])
    # Three people drawn; a set asks for the DSL and up to two deputies, so fewer may be used.
    for number, (person, role) in enumerate(zip([items.dsl, *items.deputies], people, strict=False)):
        if number > deputies:
            answers.update(dict.fromkeys((person.name, person.email, person.telephone, person.trained)))
            continue
        first, last = role.split()[0], role.split()[-1]
        stale = rng.random() < (0.125 if number == 0 else 0.2)
        days = rng.randint(800, 1400) if stale else rng.randint(20, 600)
        for item_id, value in ((person.name, role), (person.email, f"{first[0].lower()}.{last.lower()}@{domain}"),
                               (person.telephone, f"01{rng.randint(100, 999)} {rng.randint(100000, 999999)}"),
                               (person.trained, (today - dt.timedelta(days=days)).isoformat())):
            if item_id and item_id in asked:
                answers[item_id] = value
    if items.deputies_count in asked:
        answers[items.deputies_count] = deputies
    return answers


def return_file_name(organisation: Organisation, audit_version: int = 1, kind: str = "") -> str:
    """The file ``write_one`` (``kind`` "") or ``write_statement`` ("statement-") writes for the organisation."""
    safe = "".join(c if c.isalnum() else "-" for c in organisation.reference)
    return f"{safe}-{kind}v{audit_version}.s11return"


def write_one(  # noqa: PLR0913  # test data: independent options, each given by name
        out_dir: Path, standards_set: StandardsSet, organisation: Organisation, *, seed: int = 2026,
        cycle: str = "2026/27", audit_version: int = 1, signed_at: dt.datetime | None = None,
        with_evidence: bool = False, key: bytes | None = None, file_name: str | None = None) -> Path:
    """Write one signed return for ``organisation`` (its own derived key unless ``key`` is given)."""
    rng = random.Random(f"{seed}/{organisation.reference}/{audit_version}")
    content, files = return_content(standards_set, organisation, rng, cycle=cycle, audit_version=audit_version,
                                    signed_at=signed_at, with_evidence=with_evidence)
    key = key or private_key(organisation.reference, seed)
    path = Path(out_dir) / (file_name or return_file_name(organisation, audit_version))
    return write_return(path, content, files, standards_set.content, public_key_of(key), signer(key))


def write_returns(out_dir: Path | str, standards_set: StandardsSet, organisations: list[Organisation],
                  seed: int = 2026, cycle: str = "2026/27", with_evidence: bool = False) -> list[Path]:
    """One signed return per organisation in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_one(out_dir, standards_set, o, seed=seed, cycle=cycle, with_evidence=with_evidence)
            for o in organisations]


# --- annual compliance statements (issue 16) ---------------------------------------------------------

def _drawn(shares: tuple[tuple[str, float], ...], rng: random.Random) -> str:
    return rng.choices([name for name, _ in shares], [share for _, share in shares])[0]


def _positions(standards_set: StandardsSet, baseline: dict, rng: random.Random, signed_on: dt.date,
               owner: str) -> tuple[list[dict], list[dict]]:
    """``statement.standards`` (one per standard the baseline graded, in its order) and the new actions
    (one for each standard that declined), as ``export.statement_content`` writes them."""
    titles = {s.id: s.title for s in standards_set.standards}
    asks_grade = standards_set.statement.ask_new_grade
    positions, new_actions = [], []
    for entry in baseline["standards"]:
        sid, grade = entry["standard_id"], entry.get("grade")
        if grade is None or entry.get("not_applicable"):
            continue  # the statement asks only about the standards the baseline graded
        position = _drawn(POSITIONS, rng)
        topic = titles.get(sid, sid)
        narrative, new_grade = "", None
        if position != "same":
            narrative = rng.choice(IMPROVED if position == "improved" else DECLINED).format(topic=topic)
            levels = [level.id for level in standards_set.scale_of(sid).levels]
            step = 1 if position == "improved" else -1
            wanted = rng.random() < NEW_GRADE_SHARE
            if asks_grade and wanted and grade in levels:
                new_grade = levels[max(0, min(len(levels) - 1, levels.index(grade) + step))]
        if position == "declined":
            due = signed_on + dt.timedelta(days=rng.choice([90, 120, 180]))
            new_actions.append({"standard_id": sid, "action": f"Put right what declined in {topic.lower()}",
                                "owner": owner, "due_date": due.isoformat(),
                                "status": rng.choice(["not_started", "in_progress"]),
                                "progress_notes": "Agreed at the safeguarding committee after the statement review."})
        positions.append({"standard_id": sid, "position": position, "narrative": narrative, "new_grade": new_grade})
    return positions, new_actions


def _progress(index: int, action: dict, rng: random.Random, since: dt.date, signed_on: dt.date) -> dict:
    """One open baseline action's progress (``export._progress_entry``): complete needs a date (not after the
    statement was signed), dropped a reason, a new due date is later than the due date, not started a note."""
    due = dt.date.fromisoformat(action["due_date"]) if action.get("due_date") else None
    status = _drawn(PROGRESS, rng)
    completed_on = new_due = None
    reason = ""
    if status == "complete":  # most by their due date; some late (all late when due before the baseline)
        early = due is not None and (due - since).days > ON_TIME_MIN_DAYS and rng.random() < COMPLETED_ON_TIME_SHARE
        first, last = (since, due) if early and due else (max(since, due or since), signed_on - dt.timedelta(days=1))
        first = min(first, last)  # (a statement signed early, by ``signed_at``: done soon after the baseline)
        completed_on = first + dt.timedelta(days=rng.randint(min(1, (last - first).days), (last - first).days))
    elif status == "in_progress" and rng.random() < NEW_DUE_DATE_SHARE:
        new_due = max(due or signed_on, signed_on) + dt.timedelta(days=rng.randint(14, 300))
    elif status == "dropped":
        reason = rng.choice(DROPPED_REASONS)
    return {"baseline_action": {"index": index, "standard_id": action["standard_id"],
                                "criterion_id": action.get("criterion_id") or None, "action": action["action"],
                                "due_date": action.get("due_date")},
            "status": status, "progress_note": PROGRESS_NOTES[status],
            "completed_on": completed_on.isoformat() if completed_on else None,
            "new_due_date": new_due.isoformat() if new_due else None, "dropped_reason": reason}


def statement_content(  # noqa: PLR0913  # test data: independent options, each given by name
        standards_set: StandardsSet, organisation: Organisation, baseline: dict, baseline_sha256: str,
        rng: random.Random, *, cycle: str = "2027/28", audit_version: int = 1, signed_at: dt.datetime | None = None,
        with_evidence: bool = False) -> tuple[dict, list[tuple[str, bytes]]]:
    """``return.json`` content of a signed compliance statement on ``baseline`` (a full return's content, whose
    ``return.json`` bytes have SHA-256 ``baseline_sha256``), as ``export.statement_content`` makes it, and the
    evidence bytes. Signed about a year after the baseline unless ``signed_at`` is given."""
    baseline_signed = dt.datetime.fromisoformat(baseline["sign_off"]["signed_at"])
    signed_at = signed_at or baseline_signed + dt.timedelta(days=rng.randint(340, 390), minutes=rng.randint(0, 600))
    today = signed_at.date()
    owner = f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}"
    positions, new_actions = _positions(standards_set, baseline, rng, today, owner)
    progress: list[dict] = []
    evidence: list[dict] = []
    files: list[tuple[str, bytes]] = []
    for index, action in enumerate(baseline["action_plan"]):
        if action["status"] == "complete":
            continue  # only the baseline's open actions are reported on
        entry = _progress(index, action, rng, baseline_signed.date(), today)
        progress.append(entry)
        with_file = rng.random() < COMPLETION_EVIDENCE_SHARE  # drawn always: the answers do not depend on files
        if with_evidence and with_file and entry["status"] == "complete":
            number = len(evidence) + 1
            evidence.append({"id": number, "name": f"Completion of action {index + 1}",
                             "original_name": f"action-{index + 1}-minutes.txt",
                             "description": "Minutes of the meeting that signed the action off",
                             "media_type": "text/plain", "added_by": organisation.contact_name,
                             "added_at": signed_at.isoformat(),
                             "links": [{"standard_id": action["standard_id"], "item_id": f"action:{index}"}]})
            files.append((str(number), f"{organisation.name}\n\nAction {index + 1} signed off.\n".encode()))
    trail = [{"at": (signed_at - dt.timedelta(days=20 - i)).isoformat(), "user": rng.choice(PEOPLE),
              "action": "Statement", "detail": "set"} for i in range(rng.randint(5, 15))]
    content = {
        "kind": KIND_STATEMENT,
        "created_at": signed_at.isoformat(),
        "organisation": baseline["organisation"],
        "cycle": cycle,
        "audit_version": audit_version,
        "standards_set": {"id": standards_set.id, "version": standards_set.version,
                          "content_hash": standards_set.content_hash},
        "baseline": {"cycle": baseline["cycle"], "audit_version": baseline["audit_version"],
                     "content_sha256": baseline_sha256, "signed_on": baseline_signed.date().isoformat()},
        "statement": {"standards": positions, "action_progress": progress},
        "standards": [],
        "item_answers": [],
        "evidence": evidence,
        "action_plan": new_actions,
        "sign_off": {"declaration": standards_set.statement.declaration,
                     "signatories": [{"role": role.role, "name": SIGNATORY_NAMES[i % len(SIGNATORY_NAMES)],
                                      "signed_on": today.isoformat(), "confirmed_read": True}
                                     for i, role in enumerate(standards_set.sign_off.signatories)],
                     "signed_at": signed_at.isoformat()},
        "audit_trail": trail_summary(trail),
    }
    return content, files


def read_baseline(path: Path) -> tuple[dict, str]:
    """A return's ``return.json`` content and the SHA-256 of its bytes as written (test data: not verified)."""
    with zipfile.ZipFile(path) as archive:
        data = archive.read("return.json")
    return json.loads(data), hashlib.sha256(data).hexdigest()


def write_statement(  # noqa: PLR0913  # test data: independent options, each given by name
        out_dir: Path, standards_set: StandardsSet, organisation: Organisation, baseline: Path, *,
        seed: int = 2026, cycle: str = "2027/28", audit_version: int = 1, signed_at: dt.datetime | None = None,
        with_evidence: bool = False, key: bytes | None = None, file_name: str | None = None) -> Path:
    """Write one signed compliance statement for ``organisation`` on its return ``baseline`` (its own derived
    key unless ``key`` is given, so it is not flagged for another key)."""
    content, sha256 = read_baseline(baseline)
    rng = random.Random(f"{seed}/{organisation.reference}/statement/{cycle}/{audit_version}")
    content, files = statement_content(standards_set, organisation, content, sha256, rng, cycle=cycle,
                                       audit_version=audit_version, signed_at=signed_at, with_evidence=with_evidence)
    key = key or private_key(organisation.reference, seed)
    path = Path(out_dir) / (file_name or return_file_name(organisation, audit_version, "statement-"))
    return write_return(path, content, files, standards_set.content, public_key_of(key), signer(key))


def write_statements(out_dir: Path | str, standards_set: StandardsSet, organisations: list[Organisation],
                     baselines: list[Path], *, seed: int = 2026, cycle: str = "2027/28",
                     with_evidence: bool = False) -> list[Path]:
    """One signed compliance statement per organisation in ``out_dir``, on its return in ``baselines``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_statement(out_dir, standards_set, o, b, seed=seed, cycle=cycle, with_evidence=with_evidence)
            for o, b in zip(organisations, baselines, strict=True)]


def main(argv: list[str] | None = None) -> int:
    from s11audit.standards import discover

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the returns into")
    parser.add_argument("--set", default="s175-kcsie2025", help="standards set id")
    parser.add_argument("-n", type=int, default=400, help="how many organisations and returns")
    parser.add_argument("--register", type=Path, help="also write the register as this CSV file")
    parser.add_argument("--evidence", action="store_true", help="two small evidence files in each return")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cycle", default="2026/27")
    parser.add_argument("--statements", type=Path, metavar="DIR",
                        help="also write a compliance statement on each return into this folder (not inside OUT)")
    parser.add_argument("--statement-cycle", default="2027/28", help="the statements' cycle")
    args = parser.parse_args(argv)
    if args.statements and args.statements.resolve().is_relative_to(args.out.resolve()):
        print("The statements' folder must not be inside the returns' folder: importing a folder takes its "
              "subfolders too, and a full cycle refuses statements.", file=sys.stderr)
        return 2
    standards_set = discover().find(args.set)
    if standards_set is None:
        print(f"No standards set {args.set!r}", file=sys.stderr)
        return 2
    organisations = make_register(args.n, standards_set, args.seed)
    if args.register:
        write_register_csv(args.register, organisations)
    paths = write_returns(args.out, standards_set, organisations, args.seed, args.cycle, args.evidence)
    print(f"Wrote {len(paths)} returns to {args.out}"
          + (f" and the register to {args.register}" if args.register else ""))
    if args.statements:
        statements = write_statements(args.statements, standards_set, organisations, paths, seed=args.seed,
                                      cycle=args.statement_cycle, with_evidence=args.evidence)
        print(f"Wrote {len(statements)} compliance statements ({args.statement_cycle}) to {args.statements}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
