"""An action may be for one criterion of a standard (standards format 2's graded criteria).

Revision ID: 0006
Revises: 0005

``action.criterion_id``: "" for an action on the standard as a whole, which every action in a 0005
file is. Criteria's own grades, N/A and narratives use ``standard_response`` rows keyed by the
criterion's id (ids of standards and criteria never clash in a set), so no other table changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action") as batch:
        batch.add_column(sa.Column("criterion_id", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("action") as batch:
        batch.drop_column("criterion_id")
