"""What the statement tests share: two organisations and signing a statement as the set's signatories."""

from __future__ import annotations

import datetime as dt

from s11audit.sample import SIGNATORY_NAMES
from s11audit.store import OrganisationDetails, SignatoryEntry

NORTHFIELD = OrganisationDetails("Northfield Community Health NHS Trust", "RYN", "agency", "health",
                                 "Priya Shah", "safeguarding@northfield.example.nhs.uk")
RIVERSIDE = OrganisationDetails("Riverside Housing Association", "RHA 77", "agency", "voluntary_community",
                                "Sam Cole", "sam.cole@riverside.example.org")


def sign_statement(statement) -> None:
    """Sign a statement today as every signatory its set asks for."""
    statement.sign([SignatoryEntry(role.role, SIGNATORY_NAMES[i], dt.date.today(), True)
                    for i, role in enumerate(statement.standards_set.sign_off.signatories)])
