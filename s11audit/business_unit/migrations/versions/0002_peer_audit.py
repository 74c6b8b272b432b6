"""The peer audit (challenge) day: events, participants and their groups, records and agreed actions.

Revision ID: 0002
Revises: 0001

New tables only; nothing in a 0001 workspace changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peer_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("cycle.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("standard_ids", sa.Text, nullable=False),
        sa.Column("starts_at", sa.Time, nullable=False),
        sa.Column("slot_minutes", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "peer_participant",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("peer_event.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("registered_organisation.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("group_no", sa.Integer),
        sa.UniqueConstraint("event_id", "organisation_id"),
    )
    op.create_table(
        "peer_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("peer_event.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("registered_organisation.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("business_unit_note", sa.Text, nullable=False),
        sa.Column("challenge_notes", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(64)),
        sa.Column("recommendations", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.UniqueConstraint("event_id", "organisation_id", "standard_id"),
    )
    op.create_table(
        "peer_action",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("peer_event.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("registered_organisation.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("standard_id", sa.String(64), nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("due_on", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
    )
