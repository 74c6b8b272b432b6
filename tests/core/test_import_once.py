"""Import near the floor (issue 12): each return.json is parsed once, and a file already stored is not verified
again."""

from __future__ import annotations

import datetime as dt

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.importing import DUPLICATE, UNMATCHED, import_returns
from s11audit.business_unit.workspace import Workspace
from s11audit.returns import strict_json, verify

SCHOOL = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "", "")


def test_return_json_is_parsed_once_and_a_stored_file_is_not_verified_again(tmp_path, s175_set, monkeypatch):
    path = write_one(tmp_path, s175_set, SCHOOL, with_evidence=True)
    parsed = []
    real_parse = strict_json.parse

    def counting(data, name, *args):
        parsed.append(name)
        return real_parse(data, name, *args)

    monkeypatch.setattr(verify, "parse", counting)
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        assert [f.outcome for f in import_returns(workspace, cycle, [path]).files] == [UNMATCHED]
        assert parsed.count("return.json") == 1 and "standards.json" not in parsed  # the cycle's set is known
        parsed.clear()
        assert [f.outcome for f in import_returns(workspace, cycle, [path]).files] == [DUPLICATE]
        assert parsed == []
