"""Deciding on a flagged statement (issue 16): ``Workspace.clear_flag`` (accept: it counts) and
``Workspace.reject_flagged`` (kept, never counted, the flag saying why, the decision in the import log).

The workspaces and returns are those of ``test_statement_import``: Northfield's baseline is held, Riverside's
is not, so Riverside's statement is flagged.
"""

from __future__ import annotations

import pytest

from s11audit.business_unit import statements, tracking
from s11audit.business_unit.importing import IMPORTED, import_returns
from s11audit.store.database import AuditFileError
from tests.core.test_statement_import import NORTHFIELD, returns, workspace

__all__ = ["returns", "workspace"]  # fixtures


def _rows(workspace, cycle_id: int) -> dict[str, object]:
    return {r.reference: r for r in workspace.returns(cycle_id)}


def _statuses(workspace, cycle) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {s.organisation.reference: (s.status, s.rejected_reasons) for s in tracking.statuses(workspace, cycle)}


def test_reject_keeps_a_flagged_statement_out_of_every_count(workspace, returns):
    _, cycle = workspace.cycles()
    import_returns(workspace, cycle, [returns["RYN"][1], returns["RHA 77"][1]])
    riverside = _rows(workspace, cycle.id)["RHA 77"]
    assert riverside.flag and riverside.state == "current"
    before = statements.statement_figures(workspace, cycle.name)
    assert (before.statements, before.flagged) == (2, 1)
    assert _statuses(workspace, cycle)["RHA 77"][0] == tracking.RETURNED

    rejected = workspace.reject_flagged(riverside.id)
    assert (rejected.state, rejected.flag) == ("key_rejected", riverside.flag)  # kept, and why it was flagged
    after = statements.statement_figures(workspace, cycle.name)
    assert (after.statements, after.flagged) == (1, 0)
    assert [h.organisation for h in after.histories] == [NORTHFIELD.name]
    status, reasons = _statuses(workspace, cycle)["RHA 77"]
    assert status == tracking.REJECTED
    assert reasons == (f"RHA 77 statement.s11return: rejected by Officer after it was flagged for a decision "
                       f"({riverside.flag}); it is kept but does not count",)
    [entry] = [e for e in workspace.import_log(cycle.id) if e.return_id == riverside.id and e.outcome == "rejected"]
    assert entry.batch.startswith("decision-")

    with pytest.raises(AuditFileError, match=r"return \d+ from Riverside Housing Association is already rejected\."):
        workspace.reject_flagged(riverside.id)


def test_only_a_flagged_return_can_be_rejected_or_accepted(workspace, returns):
    _, cycle = workspace.cycles()
    import_returns(workspace, cycle, [returns["RYN"][1]])
    northfield = _rows(workspace, cycle.id)["RYN"]
    for decide in (workspace.reject_flagged, workspace.clear_flag):
        with pytest.raises(AuditFileError, match=rf"return {northfield.id} from Northfield Community Health NHS "
                                                 r"Trust is not flagged for a decision\.$"):
            decide(northfield.id)
    with pytest.raises(AuditFileError, match="has no imported return 999"):
        workspace.reject_flagged(999)
    assert _rows(workspace, cycle.id)["RYN"] == northfield


def test_accept_keeps_a_flagged_statement_counted(workspace, returns):
    _, cycle = workspace.cycles()
    import_returns(workspace, cycle, [returns["RHA 77"][1]])
    riverside = _rows(workspace, cycle.id)["RHA 77"]
    accepted = workspace.clear_flag(riverside.id)
    assert (accepted.state, accepted.flag) == ("current", "")
    figures = statements.statement_figures(workspace, cycle.name)
    assert (figures.statements, figures.flagged) == (1, 0)


def test_rejecting_a_newer_statement_puts_back_the_one_it_replaced(workspace, returns, tmp_path):
    """Northfield's statement counts; a later version signed with another key (flagged) replaces it once
    the key is accepted; rejecting that one makes the first count again."""
    from s11audit.returns import read_return, write_return
    from s11audit.returns.keys import generate_private_key, public_key_of, signer

    _, cycle = workspace.cycles()
    [first] = import_returns(workspace, cycle, [returns["RYN"][1]]).files
    assert first.outcome == IMPORTED
    signed = read_return(returns["RYN"][1])
    private = generate_private_key()
    content = {k: v for k, v in signed.content.items() if k != "format"}
    content["audit_version"] += 1
    content["evidence"] = []
    content["statement"] = {**content["statement"], "action_progress": [
        e for e in content["statement"]["action_progress"] if e["status"] != "complete"]}
    other = tmp_path / "RYN version 2.s11return"
    write_return(other, content, [], signed.standards, public_key_of(private), signer(private))
    import_returns(workspace, cycle, [other])
    newer = next(r for r in workspace.returns(cycle.id) if r.file_name == other.name)
    assert newer.state == "key_pending" and newer.flag.startswith("signed with a different key")
    assert workspace.accept_key(newer.id).state == "current"
    original = next(r for r in workspace.returns(cycle.id) if r.id != newer.id)
    assert original.state == "superseded"

    workspace.reject_flagged(newer.id)
    states = {r.file_name: r.state for r in workspace.returns(cycle.id)}
    assert states == {"RYN statement.s11return": "current", other.name: "key_rejected"}
    assert _statuses(workspace, cycle)["RYN"][0] == tracking.RETURNED
    assert statements.statement_figures(workspace, cycle.name).statements == 1

