"""The annual compliance statement: a light return between full audits, based on a signed full audit.

Revision ID: 0007
Revises: 0006

``audit.kind`` says whether an audit is a full audit ("full", which every audit in a 0006 file is)
or an annual compliance statement ("statement"); a statement names the signed full audit it is
based on in ``audit.baseline_audit_id``. Both columns are added with a plain ``ALTER TABLE ADD
COLUMN`` for the reason given in 0003 (recreating ``audit`` would delete every answer that belongs
to it); SQLite accepts a ``REFERENCES`` clause on an added column whose default is NULL.
``statement_standard`` holds the statement's answer per standard (still as at the baseline,
improved or declined, what changed, an optional new grade) and ``action_progress`` each open
baseline action's progress as the statement reports it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit", sa.Column("kind", sa.String(16), nullable=False, server_default="full"))
    # Alembic's add_column cannot add the foreign key on SQLite (it would need batch mode): said in SQL.
    op.execute("ALTER TABLE audit ADD COLUMN baseline_audit_id INTEGER REFERENCES audit (id)")
    op.create_table(
        "statement_standard",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("position", sa.String(16), nullable=False, server_default=""),
        sa.Column("narrative", sa.Text, nullable=False, server_default=""),
        sa.Column("new_grade", sa.String(64), nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("audit_id", "standard_id"),
    )
    op.create_table(
        "action_progress",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("baseline_action_id", sa.Integer, sa.ForeignKey("action.id"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="not_started"),
        sa.Column("progress_note", sa.Text, nullable=False, server_default=""),
        sa.Column("completed_on", sa.Date, nullable=True),
        sa.Column("new_due_date", sa.Date, nullable=True),
        sa.Column("dropped_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("audit_id", "baseline_action_id"),
    )


def downgrade() -> None:
    """Back to 0006 (for making fixtures): statements and their tables are gone. Plain ``DROP COLUMN``
    (SQLite 3.35+) for the reason given in 0003."""
    op.drop_table("action_progress")
    op.drop_table("statement_standard")
    op.execute("DELETE FROM audit WHERE kind = 'statement'")
    op.execute("ALTER TABLE audit DROP COLUMN baseline_audit_id")
    op.execute("ALTER TABLE audit DROP COLUMN kind")
