"""Make a register of N organisations and N realistic signed returns (``.s11return``) for it.

For tests and benchmarks of the business unit's import, tracking and findings. Returns are built
as plain ``return.json`` content (the shape ``export.return_content`` writes) and written straight
with ``returns.write_return``, without an audit file per organisation, so 10,000 take minutes, not
hours. Everything follows a seed: the same command gives the same organisations, grades and keys
(each organisation's Ed25519 key is derived from its reference and the seed, so a second return
from the same organisation is signed with the same key, as a real one would be).

    python benchmarks/make_returns.py OUT_DIR --set s175-kcsie2025 -n 400 [--register register.csv]
        [--evidence] [--seed 2026] [--cycle 2026/27]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from s11audit.organisations import EDUCATION, TYPES_BY_ID
from s11audit.returns import public_key_of, signer, write_return
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


def write_one(  # noqa: PLR0913  # test data: independent options, each given by name
        out_dir: Path, standards_set: StandardsSet, organisation: Organisation, *, seed: int = 2026,
        cycle: str = "2026/27", audit_version: int = 1, signed_at: dt.datetime | None = None,
        with_evidence: bool = False, key: bytes | None = None, file_name: str | None = None) -> Path:
    """Write one signed return for ``organisation`` (its own derived key unless ``key`` is given)."""
    rng = random.Random(f"{seed}/{organisation.reference}/{audit_version}")
    content, files = return_content(standards_set, organisation, rng, cycle=cycle, audit_version=audit_version,
                                    signed_at=signed_at, with_evidence=with_evidence)
    key = key or private_key(organisation.reference, seed)
    safe = "".join(c if c.isalnum() else "-" for c in organisation.reference)
    path = Path(out_dir) / (file_name or f"{safe}-v{audit_version}.s11return")
    return write_return(path, content, files, standards_set.content, public_key_of(key), signer(key))


def write_returns(out_dir: Path | str, standards_set: StandardsSet, organisations: list[Organisation],
                  seed: int = 2026, cycle: str = "2026/27", with_evidence: bool = False) -> list[Path]:
    """One signed return per organisation in ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_one(out_dir, standards_set, o, seed=seed, cycle=cycle, with_evidence=with_evidence)
            for o in organisations]


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
    args = parser.parse_args(argv)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
