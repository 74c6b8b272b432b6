"""A return's identity is its signed content, not its file's bytes.

Revision ID: 0003
Revises: 0002

``imported_return.content_id``: SHA-256 of the signer's public key and ``return.json`` in canonical
form (``returns.verify.content_id``), so the same signed return arriving as different ZIP bytes is
a duplicate. Filled in for returns already imported from the content and key they were stored with.
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 500


def _canonical(content_text: str) -> bytes:
    # The same canonical JSON as returns.verify.canonical_json; kept here so the revision never
    # changes when that module does.
    value = json.loads(content_text)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def upgrade() -> None:
    with op.batch_alter_table("imported_return") as batch:
        batch.add_column(sa.Column("content_id", sa.String(64)))
    op.create_index("ix_return_cycle_content", "imported_return", ["cycle_id", "content_id"])
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(sa.text("SELECT id, public_key, content FROM imported_return WHERE id > :last "
                                          "ORDER BY id LIMIT :n"), {"last": last, "n": _BATCH}).all()
        if not rows:
            break
        connection.execute(sa.text("UPDATE imported_return SET content_id = :cid WHERE id = :id"), [
            {"id": row.id, "cid": hashlib.sha256(bytes(row.public_key) + _canonical(row.content)).hexdigest()}
            for row in rows])
        last = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_return_cycle_content", "imported_return")
    with op.batch_alter_table("imported_return") as batch:
        batch.drop_column("content_id")
