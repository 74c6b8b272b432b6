"""Plain explanations of the words a first-time user meets in the header and when starting an audit.

"Standards set", "version" and "audit cycle" are the business unit's words; a DSL opening the app for
the first time meets them unexplained. Each is said here once, in one or two plain sentences, and
used as the tooltip wherever the word is shown; the user guide's section ``GUIDE_SECTION`` says the
same at more length.
"""

from __future__ import annotations

GUIDE_SECTION = "Standards sets, versions and audit cycles"
GUIDE_ANCHOR = "standards-sets-versions-and-audit-cycles"  # the section's anchor in the user guide

STANDARDS_SET = ("The standards set is the list of standards, grades and questions your partnership asks you to "
                 "audit against, for example the section 175 standards for schools.")
VERSION = ("The version says which edition of the standards set this audit uses. The audit keeps its own copy "
           "of that edition, so a later change to the set never changes it.")
AUDIT_CYCLE = ("The audit cycle is the period an audit covers, usually one academic year such as 2026/27. "
               "Each year's audit is a new cycle, kept in the same file beside the earlier ones.")
NEW_AUDIT = ("Start next cycle's audit in this file (for example next academic year), usually carrying forward "
             "this audit's answers for you to update. Earlier audits stay in the file unchanged.")


def header_tip() -> str:
    """The tooltip of the header line "Audit cycle ... · standards set, version ...": all three words."""
    return "\n\n".join((AUDIT_CYCLE, STANDARDS_SET, VERSION))
