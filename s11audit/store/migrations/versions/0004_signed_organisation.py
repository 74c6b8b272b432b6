"""The organisation's details as they were at sign-off, kept with the signed audit.

Revision ID: 0004
Revises: 0003

A signed audit is exported with the details it was signed with, even if the file's organisation
details are corrected later. Added with ``ALTER TABLE ADD COLUMN`` for the reason given in 0003.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit", sa.Column("signed_organisation", sa.Text, nullable=False, server_default=""))
