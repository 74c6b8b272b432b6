"""The part of each return findings read, kept beside the return.

Revision ID: 0005
Revises: 0004

``imported_return.findings_content``: a return's grades, answers and actions as JSON text
(``records.findings_json``), a few KB of a return's ~16 KB, so a cycle's records are made without
parsing every return whole (10,000 returns: ~160 MB of JSON). Filled in for the returns already
imported, from their stored content. It carries its own version (``findings_version``): readers fall
back to the whole content for a return without it or with another version, so this revision may use
today's ``records.findings_json`` (a pure function of the content, no tables) without tying
later changes of it to this file.
"""

import json

import sqlalchemy as sa
from alembic import op

from s11audit.business_unit.records import findings_json

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    with op.batch_alter_table("imported_return") as batch:
        batch.add_column(sa.Column("findings_content", sa.Text))
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(sa.text("SELECT id, content FROM imported_return WHERE id > :last "
                                          "ORDER BY id LIMIT :n"), {"last": last, "n": _BATCH}).all()
        if not rows:
            break
        connection.execute(sa.text("UPDATE imported_return SET findings_content = :kept WHERE id = :id"),
                           [{"id": row.id, "kept": findings_json(json.loads(row.content))} for row in rows])
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("imported_return") as batch:
        batch.drop_column("findings_content")
