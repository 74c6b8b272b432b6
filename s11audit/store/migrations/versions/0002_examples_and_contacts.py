"""Best-practice examples on standards ("no example, no blue") and the organisation's contact.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("standard_response") as batch:
        batch.add_column(sa.Column("example", sa.Text, nullable=False, server_default=""))
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("contact_name", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("contact_email", sa.Text, nullable=False, server_default=""))
