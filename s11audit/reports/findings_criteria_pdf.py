"""The parts of the findings PDF for a criterion-graded set (standards format 2) and scored scales:
% scores per standard, a table per criterion-graded standard under its part's heading (graded,
% meeting, mean score, moderated against self) with the spread of grades as stacked bars, the
parts' headings, and every option of a multi-select item with the share ticking it."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from s11audit.business_unit.findings_model import CriterionFindings, Findings, ItemFindings, StandardFindings
from s11audit.figures import percent_text, round_half_up
from s11audit.reports import findings_charts as charts
from s11audit.reports import pdf_parts as parts
from s11audit.reports.common import numbered
from s11audit.standards import StandardsSet


def pct(value: float | None) -> str:
    return percent_text(value)


def _score(value: float | None) -> str:
    return "\u2013" if value is None else f"{round_half_up(value, 1):.1f}"


def part_headings(findings: Findings, set_: StandardsSet, standard_ids: list[str], styles) -> dict[str, list]:
    """The part heading (and intro) to put before the first of ``standard_ids`` in each part."""
    headings: dict[str, list] = {}
    seen: set[str] = set()
    for sid in standard_ids:
        group_id = set_.standard(sid).group
        if group_id and group_id not in seen:
            seen.add(group_id)
            group = set_.group(group_id)
            headings[sid] = [CondPageBreak(5 * cm), parts.text_block(group.title, styles["PartHeading"])]
    return headings


def scores(findings: Findings, set_: StandardsSet, styles) -> list:
    """% score per standard as bars, and the overall % score (scored scales only)."""
    if findings.percent_score is None:
        return []
    rows = [(numbered(f.number, f.title), f.percent_score) for f in findings.standards]
    colour = set_.grade_scale.level(set_.grade_scale.meets).colour
    figures = "; ".join(f"{label}: {pct(score)}" for label, score in rows)
    words = parts.esc(
        f"Overall score: {pct(findings.percent_score)}. Each grade counts by its place on the scale (the lowest "
        "level 0%, the highest 100%); a standard graded by criteria scores the mean of its criteria. Each bar is the "
        "mean score of the organisations graded on the standard; the overall score is the mean of every standard's "
        "score in every return.")
    # The heading, its explanation and the chart move together; the chart's figures follow it as text.
    return [KeepTogether([Paragraph("Scores", styles["Heading"]), Paragraph(words, styles["Body"]),
                          charts.meeting_chart(rows, colour, parts.WIDTH)]),
            Paragraph(parts.esc(f"The scores in the chart: {figures}."), styles["Small"])]


def _row(c: CriterionFindings, moderated: bool) -> list:
    row = [c.number or c.criterion_id, c.text, f"{c.grades.graded:,}", pct(c.percent_meeting), _score(c.mean_score)]
    if moderated:
        agreed = f"{c.agreement.moderated:,} ({pct(c.agreement.percent)} agreed)" if c.agreement.moderated else "\u2013"
        means = (f"{_score(c.self_mean_moderated)} \u2192 {_score(c.moderated_mean)}"
                 if c.moderated_mean is not None else "\u2013")
        row += [agreed, means]
    return row


def _standard_table(f: StandardFindings, set_: StandardsSet, moderated: bool, styles) -> list:
    head = ["No.", "Criterion", "Graded", "Meeting", "Mean score"]
    widths = [1.0 * cm, 10.4 * cm, 1.8 * cm, 2.0 * cm, 1.8 * cm]
    if moderated:
        head += ["Moderated", "Self \u2192 moderated"]
        widths = [1.0 * cm, 5.2 * cm, 1.8 * cm, 2.0 * cm, 1.8 * cm, 2.6 * cm, 2.6 * cm]
    first = parts.id_width([c.number or c.criterion_id for c in f.criteria], widths[0])
    widths = [first, widths[1] - (first - widths[0]), *widths[2:]]
    table = parts.grid([head] + [_row(c, moderated) for c in f.criteria], widths, styles,
                       [("ALIGN", (2, 1), (-1, -1), "RIGHT")])
    return [Paragraph(parts.esc(numbered(f.number, f.title)), styles["Heading"]), table]


def _spread(f: StandardFindings, set_: StandardsSet, styles) -> list:
    """The spread of the criteria's grades as stacked bars, when they share one scale."""
    scale = set_.criterion(f.criteria[0].criterion_id).scale
    if any(set_.criterion(c.criterion_id).scale.id != scale.id for c in f.criteria):
        return []
    return [Spacer(1, 0.2 * cm), charts.distribution_chart(
        [(f"{c.number or c.criterion_id} {c.text}", c.grades) for c in f.criteria], scale, parts.WIDTH),
        Paragraph(parts.esc("The spread in the chart: " + "; ".join(
            f"{c.number or c.criterion_id}: " + _spread_words(c, scale) for c in f.criteria) + "."), styles["Small"]),
        Spacer(1, 0.3 * cm)]


def _spread_words(c: CriterionFindings, scale) -> str:
    """One criterion's grades in words: "Met 5, Partly met 3, Not applicable 1" (levels lowest first)."""
    counts = dict(c.grades.counts)
    words = [f"{level.label} {counts.get(level.id, 0):,}" for level in scale.levels]
    words += [f"{scale.not_applicable_label} {c.grades.not_applicable:,}"] if c.grades.not_applicable else []
    words += [f"not graded {c.grades.not_graded:,}"] if c.grades.not_graded else []
    return ", ".join(words)


def criteria_section(findings: Findings, set_: StandardsSet, styles) -> list:
    """A table per criterion-graded standard, under its part's heading."""
    graded = [f for f in findings.standards if f.criteria]
    if not graded:
        return []
    moderated = any(c.agreement.moderated for f in graded for c in f.criteria)
    scale_names = sorted({set_.criterion(c.criterion_id).scale.name for f in graded for c in f.criteria})
    story = [CondPageBreak(12 * cm), Spacer(1, 0.6 * cm), Paragraph("Criteria", styles["Section"]),
             Paragraph(parts.esc(
                 "Each criterion is graded on its own scale (" + "; ".join(scale_names) + "). Graded: organisations "
                 "with a grade for the criterion. Meeting: the share of those graded at or above the scale's "
                 "\u201cmeets\u201d level. Mean score: of those graded. Not applicable and not graded are shown "
                 "in the bars but left out of the percentages."
                 + (" Moderated: how many grades the business unit moderated and how often it agreed; "
                    "self \u2192 moderated: the mean self-score and mean moderated score of those moderated."
                    if moderated else "")), styles["Body"])]
    headings = part_headings(findings, set_, [f.standard_id for f in graded], styles)
    for f in graded:
        # The part's heading stays with its first standard's table: never alone at a page's foot.
        heading = [flowable for flowable in headings.get(f.standard_id, []) if not isinstance(flowable, CondPageBreak)]
        story.append(KeepTogether(heading + _standard_table(f, set_, moderated, styles)))
        story += _spread(f, set_, styles)
    return story


def option_tables(items: list[ItemFindings], colour: str, styles) -> list:
    """For each multi-select item: every option with how many ticked it and their share of those who
    answered the item (the denominator said in the heading)."""
    story = []
    for item in items:
        if not item.answered:
            continue
        rows: list[list[parts.Cell]] = [["Option", "Ticked", "Share", ""]]
        rows += [[choice, f"{n:,}", pct(share), charts.inline_bar(share, colour, width=2.2 * cm)]
                 for (choice, n), (_, share) in zip(item.choices, item.choice_percents, strict=True)]
        title = (f"{item.item_id} {item.label}: of the {item.answered:,} organisations who answered, "
                 "the share ticking each option")
        story.append(KeepTogether([Spacer(1, 0.25 * cm), Paragraph(parts.esc(title), styles["Note"]),
                                   parts.grid(rows, [10.6 * cm, 1.6 * cm, 1.8 * cm, 3.0 * cm], styles,
                                              [("ALIGN", (1, 1), (2, -1), "RIGHT"),
                                               ("VALIGN", (3, 1), (3, -1), "MIDDLE")]),
                                   Spacer(1, 0.3 * cm)]))
    return story
