"""Sign-off: who signed an audit and when, and the organisation's Ed25519 key pair for signed returns.

Revision ID: 0003
Revises: 0002

The audit table gets its two columns with a plain ``ALTER TABLE ADD COLUMN``: recreating it (batch
mode) would drop the old table, and with foreign keys on that deletes every answer that belongs to it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit", sa.Column("signed_at", sa.DateTime, nullable=True))
    op.add_column("audit", sa.Column("signed_by", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "sign_off_signatory",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("signed_on", sa.Date, nullable=False),
        sa.Column("confirmed_read", sa.Boolean, nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "signing_key",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("private_key", sa.LargeBinary, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
    )
