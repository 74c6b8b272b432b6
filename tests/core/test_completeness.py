"""What an audit still needs before it is complete, through the core store (no Qt)."""

from __future__ import annotations

import hashlib
import itertools

import pytest

from s11audit.completeness import Gap
from s11audit.sample import make_sample
from s11audit.standards import ItemType
from s11audit.store import AuditFile, EvidenceFile, OrganisationDetails

CYCLE = "2026/27"


def gaps(assessment, gap: Gap | None = None, standard_id: str | None = None) -> list[tuple[Gap, str, str]]:
    return [(m.gap, m.standard_id, m.item_id) for m in assessment.completeness().missing
            if (gap is None or m.gap is gap) and (standard_id is None or m.standard_id == standard_id)]


def gap_kinds(assessment, standard_id: str) -> set[Gap]:
    return {g for g, _, _ in gaps(assessment, standard_id=standard_id)}


def an_answer(item, grade: str = "green"):
    """A valid answer for any item; graded items get ``grade``."""
    return {
        ItemType.GRADED: grade,
        ItemType.YES_NO: "yes",
        ItemType.NUMBER: item.min if item.min is not None else 1,
        ItemType.PERCENTAGE: 90,
        ItemType.DATE: "2026-06-30",
        ItemType.TEXT: "Named in the safeguarding policy.",
        ItemType.CHOICE: item.choices[0] if item.choices else None,
    }[item.type]


def answer_items(assessment, standard) -> None:
    for item in standard.items_for(assessment.org_type):
        assessment.set_answer(item.id, an_answer(item))


@pytest.fixture
def police_file(tmp_path):
    audit_file = AuditFile.create(tmp_path / "police.s11audit",
                                  OrganisationDetails("Shire Constabulary", "POL1", "agency", "police"),
                                  user="Test User")
    yield audit_file
    audit_file.close()


@pytest.fixture
def s11_audit(agency_file, s11_set):
    return agency_file.start_audit(s11_set, CYCLE)


@pytest.fixture
def s175_audit(school_file, s175_set):
    return school_file.start_audit(s175_set, CYCLE)


def test_fresh_audit_lists_every_standard_and_required_item(s11_audit, s11_set):
    report = s11_audit.completeness()
    assert not report.complete and report.percent == 0 and report.done == 0
    assert gaps(s11_audit, Gap.UNGRADED) == [(Gap.UNGRADED, s.id, "") for s in s11_set.standards]
    expected_items = [(Gap.UNANSWERED, s.id, i.id) for s in s11_set.standards for i in s.items
                      if i.required and i.applies("health")]
    assert gaps(s11_audit, Gap.UNANSWERED) == expected_items
    unanswered = {item_id for _, _, item_id in expected_items}
    assert "4.6" in unanswered                                  # health only: a health trust answers it
    assert not {"3.6", "9.3"} & unanswered                      # police; councils
    assert not {"2.5", "8.5"} & unanswered                      # optional items
    assert report.total == len(s11_set.standards) + len(expected_items)
    assert set(gaps(s11_audit)) == set(gaps(s11_audit, Gap.UNGRADED)) | set(expected_items)
    assert report.per_standard["4"] == (0, 1 + 6)
    assert report.per_standard["3"] == (0, 1 + 5)               # 3.6 is for police
    messages = [m.message for m in report.missing]
    assert "Standard 1: not graded yet" in messages
    assert "Standard 4, item 4.6: not answered" in messages


def test_fresh_school_audit_leaves_out_other_settings_items(s175_audit, s175_set):
    unanswered = {item_id for _, _, item_id in gaps(s175_audit, Gap.UNANSWERED)}
    assert "3.7" in unanswered                                   # EYFS: primary schools answer it
    assert "12.6" not in unanswered                              # FE colleges only
    assert "7.3" not in unanswered                               # secondary and others, not primary
    assert "7.5" not in unanswered and "11.3" not in unanswered  # optional
    assert {s for _, s, _ in gaps(s175_audit, Gap.UNGRADED)} == {s.id for s in s175_set.standards if s.graded}


def test_grade_needing_action_is_missing_an_action_until_one_is_added(s11_audit):
    before = s11_audit.completeness().per_standard["1"]
    s11_audit.set_grade("1", "red")
    assert gap_kinds(s11_audit, "1") == {Gap.NEEDS_ACTION, Gap.UNANSWERED}
    # The grade counts as done at once; the action it needs is one more thing to do.
    assert s11_audit.completeness().per_standard["1"] == (before[0] + 1, before[1] + 1)
    [missing] = [m for m in s11_audit.completeness().missing if m.gap is Gap.NEEDS_ACTION]
    assert missing.standard_id == "1"
    assert missing.message == "Standard 1: graded Red, which needs an action; none added yet"
    s11_audit.set_grade("1", "amber")
    assert gaps(s11_audit, Gap.NEEDS_ACTION) == [(Gap.NEEDS_ACTION, "1", "")]
    s11_audit.actions.add("2", "An action on another standard does not count")
    assert gaps(s11_audit, Gap.NEEDS_ACTION) == [(Gap.NEEDS_ACTION, "1", "")]
    action = s11_audit.actions.add("1", "Name a board-level safeguarding lead", owner="Chief executive")
    assert gaps(s11_audit, Gap.NEEDS_ACTION) == []
    assert s11_audit.completeness().per_standard["1"] == (before[0] + 2, before[1] + 1)
    s11_audit.actions.remove(action.id)
    assert gaps(s11_audit, Gap.NEEDS_ACTION) == [(Gap.NEEDS_ACTION, "1", "")]
    s11_audit.set_grade("1", "green")
    assert gaps(s11_audit, Gap.NEEDS_ACTION) == []
    assert Gap.UNGRADED not in gap_kinds(s11_audit, "1")


def test_blue_needs_a_best_practice_example(s11_audit):
    s11_audit.set_grade("2", "blue")
    assert gaps(s11_audit, Gap.NEEDS_EXAMPLE) == [(Gap.NEEDS_EXAMPLE, "2", "")]
    assert Gap.NEEDS_ACTION not in gap_kinds(s11_audit, "2")
    s11_audit.set_example("2", "   ")
    assert gaps(s11_audit, Gap.NEEDS_EXAMPLE) == [(Gap.NEEDS_EXAMPLE, "2", "")]
    s11_audit.set_example("2", "Our youth forum co-designed the referral leaflet.")
    assert gaps(s11_audit, Gap.NEEDS_EXAMPLE) == []


def test_fully_met_needs_linked_evidence(s175_audit, tmp_path):
    s175_audit.set_grade("1", "fully_met")
    assert gaps(s175_audit, Gap.NEEDS_EVIDENCE) == [(Gap.NEEDS_EVIDENCE, "1", "")]
    assert [m.message for m in s175_audit.completeness().missing if m.gap is Gap.NEEDS_EVIDENCE] == \
        ["Standard 1: Fully met may only be chosen with evidence linked"]

    # Evidence in the library but linked to another standard does not count.
    minutes = tmp_path / "governors minutes.txt"
    minutes.write_text("The governing body received the annual safeguarding report.", encoding="utf-8")
    row = s175_audit.evidence.add_path(minutes, links=[("2", "")])
    assert gaps(s175_audit, Gap.NEEDS_EVIDENCE) == [(Gap.NEEDS_EVIDENCE, "1", "")]
    s175_audit.evidence.link(row.id, "1")
    assert gaps(s175_audit, Gap.NEEDS_EVIDENCE) == []
    s175_audit.evidence.unlink(row.id, "1")
    assert gaps(s175_audit, Gap.NEEDS_EVIDENCE) == [(Gap.NEEDS_EVIDENCE, "1", "")]

    # Evidence linked to one of the standard's items is evidence for the standard too.
    data = b"policy"
    s175_audit.evidence.add(EvidenceFile("policy.pdf", data, hashlib.sha256(data).hexdigest(), "application/pdf"),
                            links=[("1", "1.1")])
    assert gaps(s175_audit, Gap.NEEDS_EVIDENCE) == []


def test_partly_met_in_s175_needs_an_action(s175_audit):
    s175_audit.set_grade("4", "partly_met")
    assert gaps(s175_audit, Gap.NEEDS_ACTION) == [(Gap.NEEDS_ACTION, "4", "")]
    assert gaps(s175_audit, Gap.NEEDS_EVIDENCE) == []


def test_not_applicable_needs_a_reason_and_drops_the_items(s11_audit, s11_set):
    before = s11_audit.completeness()
    s11_audit.set_not_applicable("9", "")
    report = s11_audit.completeness()
    assert [(m.gap, m.message) for m in report.for_standard("9")] == [
        (Gap.NA_REASON, "Standard 9: marked not applicable without a reason")]
    assert report.per_standard["9"] == (1, 2)  # the choice is done; its reason is still to give
    assert report.total == before.total + 1 - len([i for i in s11_set.standard("9").items
                                                   if i.required and i.applies("health")])

    s11_audit.set_na_reason("9", "   ")
    assert gaps(s11_audit, Gap.NA_REASON) == [(Gap.NA_REASON, "9", "")]
    s11_audit.set_na_reason("9", "We do not commission or licence services for children.")
    report = s11_audit.completeness()
    assert report.for_standard("9") == []
    assert report.per_standard["9"] == (2, 2)

    # Grading it again brings its items back.
    s11_audit.set_grade("9", "green")
    assert {g for g, _, _ in gaps(s11_audit, standard_id="9")} == {Gap.UNANSWERED}


def test_items_for_other_organisation_types_are_not_required(police_file, s11_set):
    assessment = police_file.start_audit(s11_set, CYCLE)
    unanswered = {item_id for _, _, item_id in gaps(assessment, Gap.UNANSWERED)}
    assert "3.6" in unanswered      # police only
    assert "4.6" not in unanswered  # health only
    assert "9.3" not in unanswered  # councils only
    # Standard 4 is complete for police without the health-only item 4.6.
    standard = s11_set.standard("4")
    for item in standard.items_for("police"):
        assessment.set_answer(item.id, an_answer(item))
    assessment.set_grade("4", "green")
    report = assessment.completeness()
    assert report.for_standard("4") == []
    assert report.per_standard["4"] == (6, 6)  # the grade and five items; 4.6 is not counted


def test_optional_items_never_block(s11_audit, s11_set):
    for standard in s11_audit.standards:
        s11_audit.set_grade(standard.id, "green")
        for item in standard.items_for(s11_audit.org_type):
            if item.required:
                s11_audit.set_answer(item.id, an_answer(item))
    optional = [i.id for s in s11_set.standards for i in s.items if not i.required]
    assert optional == ["2.5", "8.5"]
    assert all(s11_audit.answer(item_id) is None for item_id in optional)
    report = s11_audit.completeness()
    assert report.missing == () and report.complete and report.percent == 100


def test_percent_rises_as_the_audit_is_completed(s11_audit, s11_set):
    seen = [s11_audit.completeness().percent]
    for standard in s11_audit.standards:
        s11_audit.set_grade(standard.id, "green")
        answer_items(s11_audit, standard)
        seen.append(s11_audit.completeness().percent)
    assert seen[0] == 0 and seen[-1] == 100
    assert all(later > earlier for earlier, later in itertools.pairwise(seen)), seen
    report = s11_audit.completeness()
    assert report.complete and report.done == report.total
    assert all(done == total for done, total in report.per_standard.values())
    # Clearing one answer takes it back below 100.
    s11_audit.set_answer("1.1", None)
    report = s11_audit.completeness()
    assert report.percent < 100 and gaps(s11_audit) == [(Gap.UNANSWERED, "1", "1.1")]


@pytest.mark.parametrize("set_id", ["s11-wt2023", "s11-peer-audit", "s175-kcsie2025"])
def test_sample_audit_is_complete(tmp_path, shipped_sets, set_id):
    path = make_sample(tmp_path / f"{set_id}.s11audit", shipped_sets[set_id])
    with AuditFile.open(path, user="Test User", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.standards_set.content_hash == shipped_sets[set_id].content_hash
        report = assessment.completeness()
        assert report.missing == ()
        assert report.percent == 100 and report.complete and report.done == report.total > 0
        # A realistic sample uses grades that need actions, examples or evidence, and satisfies them.
        scale = assessment.standards_set.grade_scale
        graded = [assessment.response(s.id).grade for s in assessment.standards]
        assert any(scale.level(g).needs_action for g in graded)
        assert assessment.actions.all_actions()
