"""Retention periods and what retention has removed from a return (issue 17).

Revision ID: 0008
Revises: 0007

``retention_period``: how many months after a cycle's end (its due date) the business unit keeps each
kind of data (``evidence``, ``narratives``, ``returns``); no row, or null months, means kept.
``imported_return.redacted``: what retention removed from the stored return (JSON of kind and day), empty
for a return as imported. Nothing in a 0007 workspace changes: every return is as imported and every kind
of data is kept.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    # Plain CREATE TABLE and ALTER TABLE ... ADD COLUMN, never a batch "move and copy": the workspace runs
    # with foreign keys on, so rebuilding imported_return would delete the evidence and moderation of
    # every return (ON DELETE CASCADE). Only what is missing is added (see 0007).
    tables = set(sa.inspect(connection).get_table_names())
    if "retention_period" not in tables:
        connection.execute(sa.text("CREATE TABLE retention_period (kind VARCHAR(16) NOT NULL PRIMARY KEY, "
                                   "months INTEGER, set_at DATETIME NOT NULL, set_by TEXT NOT NULL)"))
    columns = {c["name"] for c in sa.inspect(connection).get_columns("imported_return")}
    if "redacted" not in columns:
        connection.execute(sa.text("ALTER TABLE imported_return ADD COLUMN redacted TEXT NOT NULL DEFAULT ''"))


def downgrade() -> None:
    # SQLite 3.35+ drops a column without a foreign key in place (no copy of the table).
    connection = op.get_bind()
    connection.execute(sa.text("ALTER TABLE imported_return DROP COLUMN redacted"))
    connection.execute(sa.text("DROP TABLE retention_period"))
