"""Moderation per criterion (standards format 2) and a trail of moderation changes.

Revision ID: 0004
Revises: 0003

New tables only; nothing in a 0003 workspace changes. ``criterion_moderation`` holds the business
unit's moderated grade per criterion of a return beside the self-grade the return carries;
``moderation_trail`` one entry per change to a moderated grade (standard or criterion).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "criterion_moderation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("return_id", sa.Integer, sa.ForeignKey("imported_return.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("criterion_id", sa.String(64), nullable=False),
        sa.Column("grade", sa.String(64), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("return_id", "criterion_id"),
    )
    op.create_table(
        "moderation_trail",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("return_id", sa.Integer, sa.ForeignKey("imported_return.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("old_grade", sa.String(64), nullable=False),
        sa.Column("new_grade", sa.String(64), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("moderation_trail")
    op.drop_table("criterion_moderation")
