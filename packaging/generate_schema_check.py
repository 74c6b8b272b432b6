"""Write ``s11audit/standards/schema_check.py``: the standards schema compiled to Python by fastjsonschema.

Run after changing ``s11audit/standards/schema.json``: ``python packaging/generate_schema_check.py``.

Opening an audit file checks its standards snapshot against the schema. jsonschema takes about a tenth
of a second to import and as long again to check a whole set; the compiled check takes a millisecond,
and compiling it when the app starts would cost a tenth of a second too, so it is compiled here, once.
The module records the SHA-256 of the schema it was made from: if the schema changes without it, the
app does not use it (``validation.quickly_valid``) and tests/core/test_standards_quick_check.py fails.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import fastjsonschema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "s11audit" / "standards" / "schema.json"
TARGET = ROOT / "s11audit" / "standards" / "schema_check.py"
HEADER = '''"""The standards schema compiled by fastjsonschema (packaging/generate_schema_check.py): do not edit.

``validate_s11audit_standards(data)`` raises ``JsonSchemaValueException`` for content the schema refuses.
Used only as the quick "valid" answer (``standards/validation.quickly_valid``); jsonschema words refusals.
"""
# ruff: noqa
# mypy: ignore-errors

SCHEMA_SHA256 = "{sha256}"
'''


def module_text() -> str:
    raw = SCHEMA.read_bytes()
    code = fastjsonschema.compile_to_code(json.loads(raw))
    return HEADER.format(sha256=hashlib.sha256(raw).hexdigest()) + code


def main() -> int:
    TARGET.write_text(module_text(), encoding="utf-8", newline="\n")
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
