"""First schema of the audit file.

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
        "organisation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("org_type", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "standards_snapshot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("set_id", sa.String(64), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("content", sa.Text, nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("standards_snapshot.id"), nullable=False),
        sa.Column("cycle", sa.String(32), nullable=False),
        sa.Column("version_no", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("audit.id")),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
    )
    op.create_table(
        "standard_response",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("grade", sa.String(64)),
        sa.Column("not_applicable", sa.Boolean, nullable=False),
        sa.Column("na_reason", sa.Text, nullable=False),
        sa.Column("narrative", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.UniqueConstraint("audit_id", "standard_id"),
    )
    op.create_table(
        "item_answer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.UniqueConstraint("audit_id", "item_id"),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("original_name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "evidence_content",
        sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "evidence_link",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("evidence_id", sa.Integer, sa.ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.UniqueConstraint("evidence_id", "standard_id", "item_id"),
    )
    op.create_table(
        "action",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("due_date", sa.Date),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("progress_notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
    )
    op.create_table(
        "trail_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id", ondelete="CASCADE"), index=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("old_value", sa.Text, nullable=False),
        sa.Column("new_value", sa.Text, nullable=False),
    )
