"""Styles and tables for the return PDF: user text is always escaped before reportlab sees it."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from s11audit import __version__, action_rag
from s11audit.reports.bidi import BidiParagraph, has_arabic_script
from s11audit.reports.common import RAG_COLOURS, Judgement, human_size, numbered, readable_text
from s11audit.reports.fonts import BOLD, ITALIC, REGULAR

INK = colors.HexColor("#1B1B1B")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#B8BEC6")
HEAD_FILL = colors.HexColor("#1F3A5F")
STRIPE = colors.HexColor("#F3F5F8")
PART_FILL = colors.HexColor("#DCE4EE")
WIDTH = 17 * cm  # A4 less 2 cm margins
LONG_CELL = 1200  # characters: a cell this long may be taller than a page
LANGUAGE = "en-GB"
DEFAULT_BUSINESS_UNIT = "The safeguarding children partnership business unit"
CELL_PADDING = 12  # points: a table cell's left and right padding together (reportlab's default 6 + 6)
HEAD_SIZES = (8.5, 8, 7.5, 7)  # a header's font shrinks through these until its longest word fits
SHORTEST_LABEL = 2  # characters a column label cut to fit keeps at least (before its ".")
# A table draws plain-string cells (even empty ones) in its own font, Helvetica unless told: a font
# the PDF would reference without embedding.
EMBEDDED_FONT = ("FONTNAME", (0, 0), (-1, -1), REGULAR)
# What a table cell holds: plain text (drawn in the table's font), a flowable, or flowables stacked.
Cell = str | Flowable | list[Flowable]


def document_properties(title: str, subject: str, author: str) -> dict:
    """What every PDF we write says about itself, as DocTemplate keyword arguments: title, subject
    and author (a business unit's or organisation's name); the language (en-GB) a screen reader
    reads it in; the title, not the file name, in the viewer's title bar; and the first font set
    on each page one we embed (reportlab's default, Helvetica, is referenced without being embedded).

    Not tagged: open-source reportlab writes no structure tree, so the Word document is the
    accessible version of the findings."""
    return {"title": title, "subject": subject, "author": author or DEFAULT_BUSINESS_UNIT,
            "creator": f"s11audit {__version__}", "lang": LANGUAGE, "displayDocTitle": True,
            "initialFontName": REGULAR, "initialFontSize": 10}


def make_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("Body", fontName=REGULAR, fontSize=10, leading=14, textColor=INK, spaceAfter=6)

    def style(name, **kw):
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "Body": base,
        "Small": style("Small", fontName=ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED),
        "Strong": style("Strong", fontName=BOLD),
        "Cell": style("Cell", fontSize=8.5, leading=11, spaceAfter=0),
        "CellNote": style("CellNote", fontSize=7.5, leading=10, spaceAfter=0, textColor=MUTED),
        "CellHead": style("CellHead", fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0, textColor=colors.white),
        "Hash": style("Hash", fontSize=7, leading=9, spaceAfter=0, textColor=MUTED),
        "Kicker": style("Kicker", fontName=BOLD, fontSize=12, leading=16, textColor=MUTED),
        "CoverTitle": style("CoverTitle", fontName=BOLD, fontSize=24, leading=30, spaceAfter=8),
        "CoverSubtitle": style("CoverSubtitle", fontSize=14, leading=19, textColor=MUTED),
        "Section": style("Section", fontName=BOLD, fontSize=18, leading=23, spaceAfter=12),
        "StandardHeading": style("StandardHeading", fontName=BOLD, fontSize=15, leading=20, spaceAfter=4),
        "Reference": style("Reference", fontName=ITALIC, fontSize=9, leading=12, textColor=MUTED, spaceAfter=10),
        "Heading": style("Heading", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=5),
        "PartHeading": style("PartHeading", fontName=BOLD, fontSize=12, leading=16, textColor=colors.white,
                             backColor=HEAD_FILL, borderPadding=(5, 6, 5, 6), spaceBefore=4, spaceAfter=8),
        "PartIntro": style("PartIntro", fontName=ITALIC, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=14),
        "CellPara": style("CellPara", fontSize=8.5, leading=11, spaceAfter=3),
        "CellTick": style("CellTick", fontSize=8.5, leading=11, spaceAfter=1, leftIndent=9, firstLineIndent=-9),
        "CellLabel": style("CellLabel", fontSize=8.5, leading=11, spaceBefore=4, spaceAfter=0),
        "Note": style("Note", fontSize=9, leading=12, textColor=MUTED, spaceAfter=4),
    }


def esc(text: str) -> str:
    """User or standards text made safe for reportlab's mark-up; single line breaks kept."""
    return escape(str(text)).replace("\r\n", "\n").replace("\n", "<br/>")


def text_block(text: str, style: ParagraphStyle) -> Flowable:
    """Plain user text as one flowable: a Paragraph, or a BidiParagraph if it has Arabic-script words."""
    text = str(text).replace("\r\n", "\n")
    return BidiParagraph(text, style) if has_arabic_script(text) else Paragraph(esc(text), style)


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """One flowable per paragraph (blank-line separated), so long text flows across pages."""
    blocks = [b.strip() for b in str(text).replace("\r\n", "\n").split("\n\n")]
    return [text_block(b, style) for b in blocks if b]


def _cell(value, styles, key: str = "Cell"):
    if isinstance(value, Flowable | list):
        return value
    return text_block(value, styles[key])


def coloured(label: str, colour: str, styles) -> Paragraph:
    """A grade's label in black or white, whichever reads on the grade's colour (the cell's fill)."""
    text = readable_text(colour)
    return Paragraph(f'<font color="{text}"><b>{esc(label)}</b></font>', styles["Cell"])



def longest_word(text: str, font: str = BOLD, size: float = 8.5) -> float:
    """The width in points of the widest word of ``text``."""
    return max((stringWidth(word, font, size) for word in str(text).split()), default=0.0)


def head_size(text: str, width: float) -> float:
    """The largest header size (down to 7 pt) at which the longest word of ``text`` fits ``width``."""
    room = width - CELL_PADDING
    return next((s for s in HEAD_SIZES if longest_word(text, BOLD, s) <= room), HEAD_SIZES[-1])


def head_style(size: float, styles) -> ParagraphStyle:
    """The header style at ``size`` points; a word is never broken (a header wraps only between words)."""
    base = styles["CellHead"]
    return ParagraphStyle(f"CellHead{size}", parent=base, fontSize=size, leading=base.leading * size / base.fontSize,
                          splitLongWords=0)


def abbreviated(labels: list[str], width: float) -> tuple[list[str], list[tuple[str, str]]]:
    """Column labels that fit ``width`` points without breaking a word: those whose longest word is
    too wide even at the smallest header size are shortened ("Alternative provision" -> "AP",
    "Secondary" -> "Second."), each shortening given in the key returned with them."""
    room = width - CELL_PADDING
    shown, key = [], []
    for label in labels:
        if longest_word(label, BOLD, HEAD_SIZES[-1]) <= room:
            shown.append(label)
            continue
        words = label.split()
        short = "".join(w[0].upper() for w in words if w[0].isalnum()) if len(words) > 1 else ""
        if not short or stringWidth(short, BOLD, HEAD_SIZES[-1]) > room:
            short = label
            while len(short) > SHORTEST_LABEL and stringWidth(short + ".", BOLD, HEAD_SIZES[-1]) > room:
                short = short[:-1]
            short = short.rstrip() + "."
        base, number = short, 2
        while short in shown or short in labels:
            short, number = f"{base}{number}", number + 1
        shown.append(short)
        key.append((short, label))
    return shown, key


def key_text(key: list[tuple[str, str]]) -> str:
    """A key to shortened column labels, as one line: "Key: AP = Alternative provision; ..."."""
    return "Key: " + "; ".join(f"{short} = {label}" for short, label in key) + "."


def id_width(ids, minimum: float, size: float = 8.5) -> float:
    """A column wide enough for the longest id on one line (ids like "2a.10" never wrap)."""
    widest = max((stringWidth(str(i), REGULAR, size) for i in ids), default=0.0)
    return max(minimum, widest + CELL_PADDING + 2)


def _head(value, style: ParagraphStyle):
    if isinstance(value, Flowable | list):
        return value
    text = str(value)
    return BidiParagraph(text, style) if has_arabic_script(text) else Paragraph(esc(text), style)


def grid(rows: list[list], widths: list[float], styles, extra: list | None = None) -> Table:
    """A table with a dark header row (repeated on each page), light stripes and wrapping cells;
    the header row's font shrinks until its longest word fits its column, and no word is broken."""
    # (strict=False: reportlab fits a list of widths to the columns, padding or cutting it, as Table does below)
    size = min((head_size(v, w) for v, w in zip(rows[0], widths, strict=False) if not isinstance(v, Flowable | list)),
               default=HEAD_SIZES[0])
    style = head_style(size, styles)
    data = [[_head(v, style) for v in rows[0]]] + [[_cell(v, styles) for v in row] for row in rows[1:]]
    # Rows move whole to the next page; only a table holding very long text may split inside a row.
    longest = max((len(v.getPlainText() if isinstance(v, Paragraph) else str(v)) for row in rows for v in row),
                  default=0)
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=int(longest > LONG_CELL), hAlign="LEFT")
    commands: list[tuple] = [EMBEDDED_FONT, ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    commands += [("BACKGROUND", (0, r), (-1, r), STRIPE) for r in range(2, len(data), 2)]
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def draft_banner(text: str, styles) -> Table:
    """A full-width banner in red, white bold text: what a reader must know before reading on."""
    table = Table([[Paragraph(f'<font color="#FFFFFF"><b>{esc(text)}</b></font>', styles["Body"])]],
                  colWidths=[WIDTH], hAlign="LEFT")
    table.setStyle(TableStyle([EMBEDDED_FONT, ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#B03A2E")),
                               ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10)]))
    return table


def details_table(pairs: list[tuple[str, str]], styles) -> Table:
    data = [[Paragraph(esc(k), styles["Strong"]), text_block(v, styles["Body"])] for k, v in pairs]
    table = Table(data, colWidths=[4.2 * cm, WIDTH - 4.2 * cm], hAlign="LEFT")
    table.setStyle(TableStyle([EMBEDDED_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def summary_table(rows: list, styles, with_score: bool = False) -> Table:
    """Number, standard, grade (cell in the grade's colour), % score (``with_score``) and number of
    actions. A row that is a string is a part's title, spanning the table."""
    head: list[Cell] = ["No.", "Standard", "Grade", *(["Score"] if with_score else []), "Actions"]
    data = [head]
    extra: list[tuple] = []
    for index, row in enumerate(rows, start=1):
        if isinstance(row, str):
            part: list[Cell] = [Paragraph(f"<b>{esc(row)}</b>", styles["Cell"])]
            data.append(part + [""] * (len(head) - 1))
            extra += [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), PART_FILL)]
            continue
        number, title, grade, actions, *score = row
        cells = [number, title, coloured(grade.label, grade.colour, styles)]
        data.append(cells + ([score[0] if score else ""] if with_score else []) + [actions])
        extra.append(("BACKGROUND", (2, index), (2, index), colors.HexColor(grade.colour)))
    first = id_width([row[0] for row in rows if not isinstance(row, str)], 1.3 * cm)
    widths = ([first, 10 * cm - first, 3.5 * cm, 1.5 * cm, 2 * cm] if with_score
              else [first, 11.5 * cm - first, 3.5 * cm, 2 * cm])
    return grid(data, widths, styles, extra)


def legend_table(levels: list[tuple[str, str, str]], styles) -> Table:
    data = [[coloured(label, colour, styles), Paragraph(esc(meaning), styles["Cell"])]
            for label, colour, meaning in levels]
    table = Table(data, colWidths=[3.5 * cm, WIDTH - 3.5 * cm], hAlign="LEFT")
    commands: list[tuple] = [EMBEDDED_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, RULE)]
    commands += [("BACKGROUND", (0, r), (0, r), colors.HexColor(c)) for r, (_, c, _) in enumerate(levels)]
    table.setStyle(TableStyle(commands))
    return table


def grade_box(grade: Judgement, styles, note: str = "", score: str = "") -> Table:
    """The grade given, in its colour, beside the descriptor of that grade for this standard; ``note``
    says how a grade worked out from criteria was reached, ``score`` is the standard's % score."""
    extra = f"<br/>Score {esc(score)}" if score else ""
    label = Paragraph(f'<font color="{readable_text(grade.colour)}">Grade given<br/><b>{esc(grade.label)}</b>'
                      f'{extra}</font>', styles["Body"])
    descriptor = [Paragraph(esc(grade.descriptor) if grade.descriptor else "", styles["Body"])]
    if note:
        descriptor.append(Paragraph(f"<i>{esc(note)}</i>", styles["Note"]))
    table = Table([[label, descriptor]], colWidths=[4 * cm, WIDTH - 4 * cm], hAlign="LEFT")
    table.setStyle(TableStyle([EMBEDDED_FONT, ("BACKGROUND", (0, 0), (0, 0), colors.HexColor(grade.colour)),
                               ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return table


def evidence_table(evidence, styles) -> Table:
    rows: list[list[Cell]] = [["File", "Size", "SHA-256"]]
    rows += [[e.name, human_size(e.size), Paragraph(e.sha256, styles["Hash"])] for e in evidence]
    return grid(rows, [7 * cm, 2 * cm, 8 * cm], styles)


def action_table(actions, standards, styles, today: dt.date | None = None, criteria: dict | None = None) -> Table:
    """Standard (and criterion), action, owner, due date and status, the status cell in its RAG colour.
    ``criteria`` gives each criterion id its label, for actions linked to a criterion."""
    today = today or dt.date.today()
    rows: list[list[Cell]] = [["Standard", "Action", "Owner", "Due", "Status"]]
    extra: list[tuple] = []
    for index, action in enumerate(actions, start=1):
        standard = standards.get(action.standard_id)
        rag = action_rag.rag(action.status, action.due_date, today)
        status = action.status_label + {action_rag.RED: " (overdue)", action_rag.NOT_DUE: " (not yet due)"}.get(rag, "")
        due = action.due_date.strftime("%d %b %Y").lstrip("0") if action.due_date else "No date"
        what = [text_block(action.description, styles["Cell"])]
        if action.progress_notes:
            what.append(text_block(action.progress_notes, styles["CellNote"]))
        where = [text_block(numbered(standard.number, standard.title) if standard else action.standard_id,
                            styles["Cell"])]
        criterion = getattr(action, "criterion_id", "")
        if criterion:
            where.append(text_block(f"Criterion {(criteria or {}).get(criterion, criterion)}", styles["CellNote"]))
        rows.append([where,
                     what, action.owner, due,
                     coloured(status, RAG_COLOURS[rag], styles)])
        extra.append(("BACKGROUND", (4, index), (4, index), colors.HexColor(RAG_COLOURS[rag])))
    return grid(rows, [3.3 * cm, 5.9 * cm, 3.3 * cm, 2 * cm, 2.5 * cm], styles, extra)
