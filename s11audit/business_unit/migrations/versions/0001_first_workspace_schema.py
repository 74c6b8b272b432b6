"""First schema of the business unit workspace.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("file_info", sa.Column("key", sa.String(64), primary_key=True),
                    sa.Column("value", sa.Text, nullable=False))
    op.create_table(
        "cycle",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("set_id", sa.String(64), nullable=False),
        sa.Column("set_version", sa.String(64), nullable=False),
        sa.Column("set_title", sa.Text, nullable=False),
        sa.Column("set_hash", sa.String(64), nullable=False),
        sa.Column("set_content", sa.Text, nullable=False),
        sa.Column("opens_on", sa.Date),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("previous_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "registered_organisation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("sector", sa.Text, nullable=False),
        sa.Column("org_type", sa.String(32), nullable=False),
        sa.Column("contact_name", sa.Text, nullable=False),
        sa.Column("contact_email", sa.Text, nullable=False),
        sa.UniqueConstraint("cycle_id", "reference"),
    )
    op.create_table(
        "imported_return",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("registered_organisation.id", ondelete="SET NULL")),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key_fingerprint", sa.String(32), nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("audit_version", sa.Integer, nullable=False),
        sa.Column("signed_at", sa.DateTime),
        sa.Column("created_at", sa.DateTime),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("imported_by", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.UniqueConstraint("cycle_id", "sha256"),
    )
    op.create_index("ix_return_org_state", "imported_return", ["organisation_id", "state"])
    op.create_table(
        "return_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("return_id", sa.Integer, sa.ForeignKey("imported_return.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("evidence_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("media_type", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "known_key",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="CASCADE"), nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("key_fingerprint", sa.String(32), nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.UniqueConstraint("cycle_id", "reference"),
    )
    op.create_table(
        "import_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch", sa.String(64), nullable=False, index=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="CASCADE"), index=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("return_id", sa.Integer, sa.ForeignKey("imported_return.id", ondelete="SET NULL")),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
    )
    op.create_table(
        "moderation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("return_id", sa.Integer, sa.ForeignKey("imported_return.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("grade", sa.String(64), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("return_id", "standard_id"),
    )


def downgrade() -> None:
    for table in ("moderation", "import_log", "known_key", "return_evidence", "imported_return",
                  "registered_organisation", "cycle", "file_info"):
        op.drop_table(table)
