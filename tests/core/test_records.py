"""A return's content as a plain record for findings."""

from __future__ import annotations

import datetime as dt

from s11audit.business_unit.records import record_from_content


def test_record_from_return_content():
    content = {
        "organisation": {"name": "St Aidan's", "reference": "URN 1", "kind": "education", "org_type": "primary"},
        "standards": [{"standard_id": "1", "grade": "green", "not_applicable": False},
                      {"standard_id": "2", "grade": None, "not_applicable": True},
                      {"standard_id": "3", "grade": "red", "not_applicable": False}],
        "item_answers": [{"item_id": "1.1", "value": "yes"}, {"item_id": "1.2", "value": None}],
        "action_plan": [{"standard_id": "3", "status": "in_progress", "due_date": "2027-03-01"}],
    }
    record = record_from_content(content, sector="Education", moderated={"3": "amber"})
    assert (record.reference, record.name, record.sector, record.org_type) == (
        "URN 1", "St Aidan's", "Education", "primary")
    assert record.grade("1") == "green" and record.grade("2") is None
    assert record.grade("3") == "red" and record.grade("3", "moderated") == "amber"
    assert record.grade("1", "moderated") == "green"  # not moderated: the self-grade stands
    assert record.answers == {"1.1": "yes"}
    assert record.actions[0].due_date == dt.date(2027, 3, 1)
