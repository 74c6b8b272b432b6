"""Cycle kinds: the annual compliance statement between full audits (issue 16).

Revision ID: 0007
Revises: 0006

``cycle.kind``: ``"full"`` (a full audit, as every cycle was before) or ``"statement"`` (an annual
compliance statement); ``cycle.baseline_cycle_id``: a statement cycle's baseline, a full cycle.
``imported_return.return_sha256``: the SHA-256 of the return's ``return.json`` bytes as signed (the
manifest's entry), which a statement names its baseline by; filled in on upgrade from the stored
content written again as s11audit writes every JSON member. ``imported_return.flag``: why a return
waits for a person's decision (a statement whose baseline the workspace does not hold, or signed with
another key than its baseline), empty otherwise. Every existing cycle becomes a full cycle.
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_BATCH = 500


def _written(content_text: str) -> bytes:
    # The bytes s11audit writes for a JSON member (returns.format.json_bytes); kept here so the revision
    # never changes when that module does.
    value = json.loads(content_text)
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def upgrade() -> None:
    connection = op.get_bind()
    # Only what is missing is added: a workspace whose tables were rebuilt from older ones (tests make
    # "old" workspaces by dropping a later revision's tables and setting the version back) may have them.
    # Plain ALTER TABLE ... ADD COLUMN, never a batch "move and copy" of ``cycle``: the workspace runs with
    # foreign keys on (they cannot be turned off inside the upgrade's transaction), so dropping the old
    # table would delete every register, return and import log entry of every cycle (ON DELETE CASCADE).
    columns = {c["name"] for c in sa.inspect(connection).get_columns("cycle")}
    if "kind" not in columns:
        connection.execute(sa.text("ALTER TABLE cycle ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'full'"))
    if "baseline_cycle_id" not in columns:
        connection.execute(sa.text("ALTER TABLE cycle ADD COLUMN baseline_cycle_id INTEGER "
                                   "CONSTRAINT fk_cycle_baseline REFERENCES cycle (id) ON DELETE SET NULL"))
    columns = {c["name"] for c in sa.inspect(connection).get_columns("imported_return")}
    if "return_sha256" not in columns:
        connection.execute(sa.text("ALTER TABLE imported_return ADD COLUMN return_sha256 VARCHAR(64)"))
    if "flag" not in columns:
        connection.execute(sa.text("ALTER TABLE imported_return ADD COLUMN flag TEXT NOT NULL DEFAULT ''"))
    last = 0
    while True:
        rows = connection.execute(sa.text("SELECT id, content FROM imported_return WHERE id > :last AND "
                                          "return_sha256 IS NULL ORDER BY id LIMIT :n"),
                                  {"last": last, "n": _BATCH}).all()
        if not rows:
            break
        connection.execute(sa.text("UPDATE imported_return SET return_sha256 = :h WHERE id = :id"), [
            {"id": row.id, "h": hashlib.sha256(_written(row.content)).hexdigest()} for row in rows])
        last = rows[-1].id


def downgrade() -> None:
    # Rebuilds both tables (SQLite cannot drop a column with a foreign key): run it only on a connection
    # with foreign keys off, or their ON DELETE CASCADE empties the tables that refer to them.
    with op.batch_alter_table("imported_return") as batch:
        batch.drop_column("flag")
        batch.drop_column("return_sha256")
    with op.batch_alter_table("cycle") as batch:
        batch.drop_column("baseline_cycle_id")
        batch.drop_column("kind")
