"""Kinds and types of organisation that complete audits, in the users' words.

Schools and colleges answer section 175/157 audits (kind ``education``); agencies answer
section 11 audits (kind ``agency``). Standards sets refer to these ids in ``applies_to``.
"""

from __future__ import annotations

from dataclasses import dataclass

EDUCATION = "education"
AGENCY = "agency"

KIND_LABELS: dict[str, str] = {
    EDUCATION: "School, college or early years setting (section 175/157)",
    AGENCY: "Agency or organisation (section 11)",
}


@dataclass(frozen=True)
class OrganisationType:
    id: str
    label: str
    kind: str


ORGANISATION_TYPES: tuple[OrganisationType, ...] = (
    OrganisationType("primary", "Primary school", EDUCATION),
    OrganisationType("secondary", "Secondary school", EDUCATION),
    OrganisationType("special", "Special school", EDUCATION),
    OrganisationType("all_through", "All-through school", EDUCATION),
    OrganisationType("alternative_provision", "Alternative provision", EDUCATION),
    OrganisationType("fe_college", "Further education college", EDUCATION),
    OrganisationType("independent", "Independent school", EDUCATION),
    OrganisationType("early_years", "Early years setting", EDUCATION),
    OrganisationType("health", "Health (NHS body, trust, ICB, GP)", AGENCY),
    OrganisationType("police", "Police", AGENCY),
    OrganisationType("local_authority", "Local authority", AGENCY),
    OrganisationType("district_council", "District or borough council", AGENCY),
    OrganisationType("probation", "Probation", AGENCY),
    OrganisationType("youth_justice", "Youth justice service", AGENCY),
    OrganisationType("voluntary_community", "Voluntary, community or faith organisation", AGENCY),
    OrganisationType("other", "Other organisation", AGENCY),
)

TYPES_BY_ID: dict[str, OrganisationType] = {t.id: t for t in ORGANISATION_TYPES}


def types_of_kind(kind: str) -> list[OrganisationType]:
    return [t for t in ORGANISATION_TYPES if t.kind == kind]


def type_label(type_id: str) -> str:
    found = TYPES_BY_ID.get(type_id)
    return found.label if found else type_id
