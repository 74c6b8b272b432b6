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


def downgrade_workspace(path, revision: str) -> None:
    """Take a closed workspace file back to an earlier schema revision (to test opening an old workspace)."""
    from alembic import command
    from sqlalchemy import create_engine

    from s11audit.business_unit.workspace import WORKSPACE
    from s11audit.store.database import _alembic_config

    engine = create_engine(f"sqlite:///{path}")
    config = _alembic_config(WORKSPACE)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def baseline_and_statement_cycles(workspace, standards_set, register) -> tuple:
    """A 2026/27 full cycle and a 2027/28 statement cycle based on it, each with its register (``register``
    adds the organisations to a cycle id): (full cycle, statement cycle)."""
    import datetime as dt

    full = workspace.add_cycle("2026/27", standards_set, dt.date(2027, 3, 31))
    register(workspace, full.id)
    statement = workspace.add_cycle("2027/28", standards_set, dt.date(2028, 3, 31), kind="statement",
                                    baseline="2026/27")
    register(workspace, statement.id)
    return full, statement
