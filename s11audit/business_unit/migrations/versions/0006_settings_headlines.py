"""The business unit's details and each cycle's headline measures for the annual report summary.

Revision ID: 0006
Revises: 0005

``workspace_setting``: key/value facts the business unit gives about itself (its name, the signature
block of its letters). ``headline_measure``: the measures a board chose for a cycle's annual report
summary, in order (a standard, an item, or one option of a choice or multi-choice item). New tables
only; nothing in a 0005 workspace changes (a cycle without chosen measures uses its set's defaults).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace_setting",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "headline_measure",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("option", sa.Text, nullable=False),
        sa.Column("wording", sa.Text, nullable=False),
        sa.UniqueConstraint("cycle_id", "position"),
    )


def downgrade() -> None:
    op.drop_table("headline_measure")
    op.drop_table("workspace_setting")
