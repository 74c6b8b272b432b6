"""The ``s11audit`` command line: the same core as the app, for headless and batch work.

Exit codes: 0 success; 1 a checked file is invalid or incomplete; 2 wrong usage or a file that
cannot be opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from s11audit import __version__
from s11audit.figures import percent_text

OK, INVALID, FAILED = 0, 1, 2


def _standards_check(args: argparse.Namespace) -> int:
    from s11audit.paths import shipped_standards_dir
    from s11audit.standards import check_files

    # No files: the sets shipped with this installation (checks an installed or frozen build).
    files = args.files or sorted(shipped_standards_dir().glob("*.yaml"))
    if not files:
        print(f"No standards set files in {shipped_standards_dir()}", file=sys.stderr)
        return FAILED
    results = check_files(files)
    unreadable = [path for path in results if not path.is_file()]
    bad = 0
    for path, problems in results.items():
        if problems:
            bad += 1
            for problem in problems:
                print(f"{path.parent / problem.file if problem.file == path.name else path}"
                      f"{':' + str(problem.line) if problem.line else ''}:"
                      f"{' ' + problem.where + ':' if problem.where else ''} {problem.message}")
        else:
            print(f"{path}: OK")
    if len(results) > 1:
        print(f"{len(results) - bad} of {len(results)} files valid")
    if unreadable:
        return FAILED
    return INVALID if bad else OK


def _standards_list(args: argparse.Namespace) -> int:
    from s11audit.paths import shipped_standards_dir, user_standards_dir
    from s11audit.standards import discover

    print(f"Shipped standards folder: {shipped_standards_dir()}")
    print(f"Your standards folder:    {user_standards_dir()}")
    report = discover()
    for s in report.sets:
        print(f"  {s.id:<20} {s.version:<10} {s.title} ({len(s.standards)} standards, "
              f"for {', '.join(s.organisation_kinds)})")
    for skipped in report.skipped:
        print(f"  SKIPPED {skipped.path}: {skipped.reason}")
    return INVALID if report.skipped else OK



def _workbook_problems(exc) -> int:
    """Print a workbook's problems one per line; exit 2 when the file itself cannot be used, else 1."""
    for problem in exc.problems:
        print(f"{exc.path}: {problem}", file=sys.stderr if exc.unreadable else sys.stdout)
    return FAILED if exc.unreadable else INVALID


def _standards_to_xlsx(args: argparse.Namespace) -> int:
    from s11audit.standards import StandardsError
    from s11audit.standards.workbook import WorkbookError
    from s11audit.standards.workbook_write import set_file_content, set_source, write_workbook

    try:
        source = set_source(args.set)
        content = set_file_content(source)
        write_workbook(content, args.out)
    except StandardsError as exc:
        for problem in exc.problems:
            print(f"{exc.path.parent / problem.file}{':' + str(problem.line) if problem.line else ''}:"
                  f"{' ' + problem.where + ':' if problem.where else ''} {problem.message}")
        return INVALID
    except WorkbookError as exc:
        return _workbook_problems(exc)
    print(f"Wrote {args.out}: set {content['id']} version {content['version']} from {source}")
    return OK


def _standards_from_xlsx(args: argparse.Namespace) -> int:
    from s11audit.standards.workbook import WorkbookError
    from s11audit.standards.workbook_read import workbook_to_yaml

    try:
        content = workbook_to_yaml(args.workbook, args.out)
    except WorkbookError as exc:
        return _workbook_problems(exc)
    count = len(content.get("standards", [])) or len(content.get("based_on", {}).get("standards", []))
    print(f"Wrote {args.out}: set {content['id']} version {content['version']} ({count} standards). "
          f"Put it in your standards folder to use it.")
    return OK

def _find_set(set_id: str, version: str | None):
    from s11audit.standards import discover

    report = discover()
    found = report.find(set_id, version)
    if found is None:
        known = ", ".join(sorted({s.id for s in report.sets}))
        print(f"No standards set {set_id!r}{' version ' + version if version else ''}. Known sets: {known}",
              file=sys.stderr)
    return found


def _sample(args: argparse.Namespace) -> int:
    from s11audit.organisations import TYPES_BY_ID
    from s11audit.sample import (
        SAMPLE_ORGANISATIONS,
        following_cycle,
        make_sample,
        make_statement_sample,
        sample_named,
    )
    from s11audit.store import AuditFileError, OrganisationDetails

    standards_set = _find_set(args.set, args.version)
    if standards_set is None:
        return FAILED
    base = SAMPLE_ORGANISATIONS[standards_set.organisation_kinds[0]]
    org_type = args.type or base.org_type
    if org_type not in TYPES_BY_ID or TYPES_BY_ID[org_type].kind not in standards_set.organisation_kinds:
        print(f"Organisation type {org_type!r} cannot use {standards_set.title!r}.", file=sys.stderr)
        return FAILED
    organisation = sample_named(OrganisationDetails(args.name or base.name, args.reference or base.reference,
                                                    TYPES_BY_ID[org_type].kind, org_type, base.contact_name,
                                                    base.contact_email))
    statement_cycle = following_cycle(args.cycle)
    try:
        if args.statement:
            path = make_statement_sample(args.out, standards_set, organisation, cycle=args.cycle,
                                         statement_cycle=statement_cycle)
        else:
            path = make_sample(args.out, standards_set, organisation, cycle=args.cycle, signed=args.signed)
    except AuditFileError as exc:
        print(exc, file=sys.stderr)
        return FAILED
    if args.statement:
        print(f"Wrote a signed-off sample audit for {organisation.name} ({standards_set.title}, {args.cycle}) "
              f"followed by its signed annual compliance statement for {statement_cycle} to {path}")
    else:
        print(f"Wrote a completed{', signed-off' if args.signed else ''} sample audit for {organisation.name} "
              f"({standards_set.title}, {args.cycle}) to {path}")
    print("It is marked SAMPLE: its PDFs say so, and a business unit will not import its return.")
    return OK


def _progress(args: argparse.Namespace) -> int:
    from s11audit.store import AuditFile, AuditFileError

    try:
        audit_file = AuditFile.open(args.file, user="command line", read_only=True)
    except AuditFileError as exc:
        print(exc, file=sys.stderr)
        return FAILED
    with audit_file:
        organisation = audit_file.organisation()
        assessment = audit_file.latest_assessment()
        if assessment is None:
            print(f"{organisation.name}: no audit started yet")
            return INVALID
        if audit_file.audit_kind(assessment.id) == "statement":
            return _print_statement_progress(organisation.name, audit_file.statement(assessment.id))
        report = assessment.completeness()
        print(f"{organisation.name}, {assessment.cycle}, {assessment.standards_set.title}: {report.percent}% complete")
        for missing in report.missing:
            print(f"  - {missing.message}")
        return OK if report.complete else INVALID


def _open_for_export(path: Path):
    """The audit file open for writing (so the return's content hash is kept for a later statement), or
    read-only when it cannot be written (the export still works; the hash is not kept)."""
    from s11audit.store import AuditFile, ReadOnlyError

    try:
        return AuditFile.open(path, user="command line")
    except ReadOnlyError:
        return AuditFile.open(path, user="command line", read_only=True)


def _export(args: argparse.Namespace) -> int:
    from s11audit.export import export, written_return_sha256
    from s11audit.reports import ReportError
    from s11audit.returns import ReturnError
    from s11audit.store import AuditFileError

    if not (args.returned or args.pdf or args.xlsx):
        print("Say what to export: --return OUT, --pdf OUT and/or --xlsx OUT.", file=sys.stderr)
        return FAILED
    baseline_unknown = ""
    try:
        with _open_for_export(args.file) as audit_file:
            assessment = audit_file.latest_assessment()
            if assessment is None:
                print(f"{args.file}: holds no audit yet.", file=sys.stderr)
                return FAILED
            is_statement = audit_file.audit_kind(assessment.id) == "statement"
            done = export(audit_file, assessment, args.returned, args.pdf, args.xlsx)
            sample = audit_file.is_sample
            if is_statement and done.returned is not None:
                baseline = audit_file.statement(assessment.id).baseline
                if written_return_sha256(audit_file, baseline.id) is None:
                    baseline_unknown = baseline.cycle
    except (AuditFileError, ReportError, ReturnError) as exc:
        print(exc, file=sys.stderr)
        return FAILED
    return_label = "Signed return (annual compliance statement)" if is_statement else "Signed return"
    workbook_label = "Action progress workbook" if is_statement else "Action plan workbook"
    for label, path in ((return_label, done.returned), ("PDF", done.pdf), (workbook_label, done.xlsx)):
        if path is not None:
            print(f"{label}: {path}")
    if baseline_unknown:
        print(f"This file has no record of the {baseline_unknown} audit's return being exported (returns exported "
              "before this version of s11audit were not recorded), so the statement does not name that return by "
              "its content hash; the business unit can still match it by organisation and cycle.")
    if sample:
        print("This is the app's sample audit: what was written is marked SAMPLE, and a business unit will not "
              "import its return.")
    return OK


def _print_statement_progress(organisation: str, statement) -> int:
    """What is left to do in a compliance statement (the store's ``missing``); 0 when none, else 1."""
    report = statement.completeness()
    baseline = statement.baseline
    print(f"{organisation}, {statement.cycle} annual compliance statement (based on the {baseline.cycle} audit, "
          f"{baseline.standards_set.title}): {report.percent}% complete")
    if statement.is_signed:
        when = statement.sign_off.signed_at
        print(f"  Signed off{f' on {when:%Y-%m-%d}' if when else ''}: export its return with "
              "s11audit export AUDITFILE --return OUT")
    for missing in statement.missing():
        print(f"  - {missing.message}")
    return OK if report.complete else INVALID


def _statement_start(args: argparse.Namespace) -> int:
    from s11audit.store import AuditFile, AuditFileError

    try:
        with AuditFile.open(args.file, user="command line") as audit_file:
            baseline_id = args.baseline
            if baseline_id is None:
                signed = [a for a in audit_file.audits() if a.is_signed and audit_file.audit_kind(a.id) == "full"]
                if not signed:
                    print(f"{args.file}: holds no signed-off full audit to base a compliance statement on; sign "
                          "off the full audit first.", file=sys.stderr)
                    return FAILED
                baseline_id = signed[-1].id
            statement = audit_file.start_statement(baseline_id, args.cycle)
            baseline = next(a for a in audit_file.audits() if a.id == baseline_id)
            standards, actions = len(statement.standards), len(statement.open_actions())
    except AuditFileError as exc:
        print(exc, file=sys.stderr)
        return FAILED
    signed_on = f", signed off on {baseline.signed_at:%Y-%m-%d}" if baseline.signed_at else ""
    print(f"Started the {statement.cycle} annual compliance statement in {args.file}, based on the {baseline.cycle} "
          f"audit (audit {baseline.id}, version {baseline.version_no}{signed_on}): {standards} standards to answer "
          f"and {actions} open actions to report on.")
    return OK


def _statement_progress(args: argparse.Namespace) -> int:
    from s11audit.store import AuditFile, AuditFileError

    try:
        audit_file = AuditFile.open(args.file, user="command line", read_only=True)
    except AuditFileError as exc:
        print(exc, file=sys.stderr)
        return FAILED
    with audit_file:
        organisation = audit_file.organisation()
        statements = [a for a in audit_file.audits() if audit_file.audit_kind(a.id) == "statement"]
        if not statements:
            print(f"{organisation.name}: no annual compliance statement started yet (start one with "
                  "s11audit statement start AUDITFILE --cycle NAME)")
            return INVALID
        return _print_statement_progress(organisation.name, audit_file.statement(statements[-1].id))


def _supplement(args: argparse.Namespace) -> int:
    from s11audit.export import export_supplement
    from s11audit.returns import ReturnError
    from s11audit.store import AuditFileError

    try:
        with _open_for_export(args.file) as audit_file:
            written = export_supplement(audit_file, args.request, args.out)
    except (AuditFileError, ReturnError) as exc:
        print(exc, file=sys.stderr)
        return FAILED
    print(f"Evidence supplement: {written}")
    return OK


def _import_supplement(args: argparse.Namespace) -> int:
    from s11audit.business_unit.supplements import import_supplement
    from s11audit.safe_text import shown

    taken = _in_workspace(args.workspace, lambda workspace: import_supplement(workspace, args.supplement_file))
    if taken is None:
        return FAILED
    print(shown(taken.summary(), 600))  # the organisation's name comes from a file
    return OK


def _verify(args: argparse.Namespace) -> int:
    from s11audit.returns import verify_return
    from s11audit.safe_text import shown

    invalid = 0
    for path in args.files:
        result = verify_return(path)  # never raises for a bad file, so every file gets its line
        invalid += not result.valid
        state = "valid" if result.valid else "INVALID"
        # Organisation and cycle come from the file: one escaped line each, so a file cannot print a forged line.
        kind = ", annual compliance statement" if result.kind == "compliance_statement" else ""
        who = (f"{shown(result.organisation or '?', 80)}, cycle {shown(result.cycle or '?', 40)}{kind}, "
               f"key {result.fingerprint or '?'}")
        print(f"{shown(str(path), 200)}: {state}: {shown(result.reason, 400)} ({who})")
    return INVALID if invalid else OK


def _open_workspace(path: Path, read_only: bool = False, create: bool = False):
    from s11audit.business_unit.workspace import Workspace
    from s11audit.store import AuditFileError

    try:
        return (Workspace.create if create else Workspace.open)(path, user="command line", **(
            {} if create else {"read_only": read_only}))
    except AuditFileError as exc:
        print(exc, file=sys.stderr)
        return None


def _date(text: str | None):
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-03-31") from None


def _in_workspace(path: Path, work, read_only: bool = False):
    """Open the workspace at ``path`` and return ``work(workspace)``; None (after printing why) if the
    workspace cannot be opened or the work is refused."""
    from s11audit.reports import ReportError
    from s11audit.store import AuditFileError

    workspace = _open_workspace(path, read_only=read_only)
    if workspace is None:
        return None
    with workspace:
        try:
            return work(workspace)
        except (AuditFileError, ReportError) as exc:
            print(exc, file=sys.stderr)
            return None


def _workspace_cycle(args: argparse.Namespace, work):
    """``work(workspace, cycle)`` for ``args.workspace`` (read-only) and ``args.cycle``, as ``_in_workspace``."""
    return _in_workspace(args.workspace, lambda workspace: work(workspace, workspace.cycle(args.cycle)), read_only=True)


def _workspace_new(args: argparse.Namespace) -> int:
    workspace = _open_workspace(args.path, create=True)
    if workspace is None:
        return FAILED
    workspace.close()
    print(f"Created the business unit workspace {args.path}")
    return OK


def _cycle_add(args: argparse.Namespace) -> int:
    from s11audit.business_unit.cycle_sets import SetChoiceError, choose_set
    from s11audit.standards import discover

    try:  # never a guess: an id with several versions or clashing files is refused (cycle_sets.py)
        standards_set = choose_set(discover(), args.set, args.set_version)
    except SetChoiceError as error:
        print(error, file=sys.stderr)
        return FAILED
    copy = bool(args.previous) and not args.empty_register
    added = _in_workspace(args.workspace, lambda workspace: _added_cycle(workspace, workspace.add_cycle(
        args.name, standards_set, args.due, opens_on=args.opens, previous=args.previous, copy_register=copy,
        kind=args.kind, baseline=args.baseline)))
    if added is None:
        return FAILED
    cycle, registered = added
    print(f"Added cycle {cycle.name}: {standards_set.display_name}, due {cycle.due_on}")
    if cycle.is_statement:
        print(f"An annual compliance statement cycle based on the full audit cycle {args.baseline}")
    if copy:
        print(f"Copied the register of {args.previous}: {registered} organisation{'' if registered == 1 else 's'} "
              "(correct it with register import or in the app)")
    return OK


def _added_cycle(workspace, cycle):
    return cycle, len(workspace.organisations(cycle.id))


def _register_import(args: argparse.Namespace) -> int:
    from s11audit.business_unit.register import import_register

    report = _in_workspace(args.workspace, lambda workspace: import_register(workspace, args.cycle, args.file))
    if report is None:
        return FAILED
    print(report.summary())
    return INVALID if report.bad_rows else OK


def _decide(args: argparse.Namespace) -> int:
    """Accept or reject what an organisation's return in a cycle waits for: a new signing key, else a
    statement's flag (baseline not held, or signed with another key than the baseline)."""
    from s11audit.business_unit.models import KEY_PENDING, KEY_REJECTED
    from s11audit.business_unit.workspace import reference_key
    from s11audit.safe_text import shown
    from s11audit.store import AuditFileError

    accept = args.decision == "accept"

    def decide(workspace) -> tuple[str, str]:
        cycle = workspace.cycle(args.cycle)
        key = reference_key(args.reference)
        waiting = [r for r in workspace.returns(cycle.id) if reference_key(r.reference) == key
                   and (r.state == KEY_PENDING or (r.flag and r.state != KEY_REJECTED))]
        if not waiting:
            raise AuditFileError(workspace.path, f"no return from reference {args.reference!r} in cycle {cycle.name} "
                                                 "waits for a decision (a new signing key or a flagged statement).")
        chosen = waiting[-1]  # the latest imported
        if chosen.state == KEY_PENDING:
            done = (workspace.accept_key if accept else workspace.reject_key)(chosen.id)
            what = "new signing key"
        else:
            done = (workspace.clear_flag if accept else workspace.reject_flagged)(chosen.id)
            what = f"flagged statement ({chosen.flag})"
        return f"{shown(chosen.name, 80)} ({shown(chosen.reference, 40)}): {what}", done.state

    decided = _in_workspace(args.workspace, decide)
    if decided is None:
        return FAILED
    what, state = decided
    now = {"current": "it counts for the cycle", "key_rejected": "it is kept but does not count",
           "superseded": "it is kept in the history (a newer return counts)",
           "unmatched": "it waits to be matched to the register"}.get(state, state)
    print(f"{'Accepted' if accept else 'Rejected'}: {what}; {now}.")
    return OK


def _import(args: argparse.Namespace) -> int:
    from s11audit.business_unit.importing import FAILED as FILE_FAILED
    from s11audit.business_unit.importing import REJECTED, import_returns, outcome_words
    from s11audit.safe_text import shown

    report = _in_workspace(args.into, lambda workspace: import_returns(workspace, args.cycle, args.files))
    if report is None:
        return FAILED
    for outcome in report.files:
        who = (f" ({shown(outcome.organisation, 80)}, {shown(outcome.reference, 40)})"
               if outcome.organisation or outcome.reference else "")
        print(f"{shown(str(outcome.path), 200)}: {outcome_words(outcome.outcome)}{who}: {shown(outcome.reason, 400)}")
    print(report.summary())
    if report.stopped or not report.total:
        if not report.total:
            print("No return files found.", file=sys.stderr)
        return FAILED
    # Unmatched, older and key-pending returns are stored (they wait for a person); only rejections fail.
    return INVALID if any(f.outcome in (REJECTED, FILE_FAILED) for f in report.files) else OK


def _status(args: argparse.Namespace) -> int:
    from s11audit.business_unit.models import CURRENT
    from s11audit.business_unit.tracking import chase_list, response_rates, statuses, write_chase_list
    from s11audit.organisations import type_label
    from s11audit.reports import ReportError
    from s11audit.safe_text import shown

    def read(workspace, cycle) -> tuple:
        flagged = [r for r in workspace.returns(cycle.id, states=[CURRENT]) if r.flag]
        baseline = workspace.cycle(cycle.baseline_id).name if cycle.baseline_id is not None else ""
        return cycle, statuses(workspace, cycle), flagged, baseline

    opened = _workspace_cycle(args, read)
    if opened is None:
        return FAILED
    cycle, found, flagged, baseline = opened
    rates = response_rates(found)
    print(f"{cycle.name} ({cycle.set_title}, due {cycle.due_on}): {rates.overall} returned, {rates.late} late")
    if cycle.is_statement:
        print(f"Annual compliance statements based on the full audit cycle {baseline}; "
              f"{len(flagged)} flagged for a decision")
        for row in flagged:
            print(f"  {shown(row.name, 80)} ({shown(row.reference, 40)}): {shown(row.flag, 300)}")
    print("By sector:")
    for sector, rate in rates.by_sector.items():
        print(f"  {sector or '(no sector)'}: {rate}")
    print("By type:")
    for org_type, rate in rates.by_type.items():
        print(f"  {type_label(org_type) if org_type else '(no type)'}: {rate}")
    missing = chase_list(found)
    print(f"Not returned ({len(missing)}):")
    for status in missing:
        o = status.organisation
        print(f"  {o.name} ({o.reference}){' - only rejected files' if status.status == 'rejected' else ''}"
              f"{': ' + o.contact_name if o.contact_name else ''}"
              f"{' <' + o.contact_email + '>' if o.contact_email else ''}")
    if args.chase:
        try:
            write_chase_list(found, args.chase)
        except ReportError as exc:
            print(exc, file=sys.stderr)
            return FAILED
        print(f"Chase list: {args.chase}")
    return OK


def _statement_findings(args: argparse.Namespace) -> int:
    """``findings`` for an annual compliance statement cycle: the statement findings (``statement_findings``)."""
    from s11audit.business_unit.headlines import settings
    from s11audit.business_unit.statements import statement_figures
    from s11audit.reports.statement_findings import statements_text, tally_text, write_statement_reports

    if args.sector or args.type:
        print("An annual compliance statement cycle's findings are not split by sector or type: leave out "
              "--sector and --type.", file=sys.stderr)
        return FAILED

    def work(workspace, cycle):
        figures = statement_figures(workspace, cycle, args.as_of)
        write_statement_reports(figures, pdf=args.pdf, xlsx=args.xlsx, docx=args.docx,
                                partnership=args.partnership or "", business_unit=settings(workspace).business_unit,
                                standards_set=workspace.standards_set(cycle.id))
        return figures

    figures = _workspace_cycle(args, work)
    if figures is None:
        return FAILED
    print(f"{figures.cycle}: annual compliance statement findings: {statements_text(figures)} "
          f"(baseline {figures.baseline_cycle})")
    print(f"  {tally_text(figures.progress)}")
    print(f"  overdue actions to chase: {len(figures.chase)}")
    for label, path in (("PDF", args.pdf), ("Workbook", args.xlsx), ("Word document", args.docx)):
        if path is not None:
            print(f"{label}: {path}")
    return OK


def _findings(args: argparse.Namespace) -> int:
    from s11audit.business_unit.cycle_findings import write_cycle_reports
    from s11audit.safe_text import shown

    if args.summary or args.pdf or args.xlsx or args.docx:
        # An annual compliance statement cycle has findings of its own (issue 16).
        statement = _workspace_cycle(args, lambda workspace, cycle: cycle.is_statement)
        if statement is None:
            return FAILED
        if statement:
            return _statement_findings(args)
    if args.as_of is not None:
        print("--as-of is for an annual compliance statement cycle's findings (the day actions are judged on); "
              f"cycle {args.cycle} is a full audit cycle.", file=sys.stderr)
        return FAILED
    if args.summary:
        if _print_summary(args) != OK:
            return FAILED
        if not (args.pdf or args.xlsx or args.docx):
            return OK
    if not (args.pdf or args.xlsx or args.docx):
        print("Say what to write: --pdf OUT, --xlsx OUT and/or --docx OUT.", file=sys.stderr)
        return FAILED
    opened = _workspace_cycle(args, lambda workspace, cycle: (cycle, write_cycle_reports(
        workspace, cycle, basis=args.basis, sector=args.sector, org_type=args.type, pdf=args.pdf, xlsx=args.xlsx,
        partnership=args.partnership or "", docx=args.docx)))
    if opened is None:
        return FAILED
    cycle, findings = opened
    expected = f" of {findings.expected} expected" if findings.expected else ""
    plural = "" if findings.received == 1 else "s"
    print(f"{cycle.name}: findings from {findings.received} return{plural}{expected} ({args.basis} grades)")
    for standard in findings.weakest[:3]:
        share = standard.grades.percent_meeting
        print(f"  weakest: {standard.number}. {standard.title}: {percent_text(share)} meeting" if share is not None else
              f"  weakest: {standard.number}. {standard.title}")
    criteria = sorted((c for s in findings.standards for c in s.criteria if c.grades.graded),
                      key=lambda c: (c.percent_meeting, -c.grades.graded))
    for criterion in criteria[:3]:
        print(f"  weakest criterion: {criterion.number or criterion.criterion_id} {shown(criterion.text, 70)}: "
              f"{percent_text(criterion.percent_meeting)} meeting")
    if findings.percent_score is not None:
        print(f"  overall score: {percent_text(findings.percent_score)}")
    for label, path in (("PDF", args.pdf), ("Workbook", args.xlsx), ("Word document", args.docx)):
        if path is not None:
            print(f"{label}: {path}")
    return OK


def _print_summary(args: argparse.Namespace) -> int:
    """The annual report summary of the cycle (all sectors and types) as text."""
    from s11audit.business_unit.annual_summary import annual_summary, summary_lines
    from s11audit.safe_text import shown

    summary = _workspace_cycle(args, lambda workspace, cycle: annual_summary(workspace, cycle, args.basis))
    if summary is None:
        return FAILED
    for line in summary_lines(summary):
        indent = line[:len(line) - len(line.lstrip())]
        print(indent + shown(line.strip(), 400) if line else "")
    return OK


def _workspace_settings(args: argparse.Namespace) -> int:
    from s11audit.business_unit import headlines
    from s11audit.safe_text import shown

    changing = args.name is not None or args.signature is not None
    settings = _in_workspace(args.workspace, lambda workspace: headlines.set_settings(
        workspace, args.name, args.signature) if changing else headlines.settings(workspace), read_only=not changing)
    if settings is None:
        return FAILED
    name = (shown(settings.business_unit) if settings.business_unit
            else f"(not given: letters say {headlines.DEFAULT_NAME})")
    print(f"Business unit: {name}")
    print("Signature block:" + ("" if settings.signature else " (none)"))
    for line in settings.signature:
        print("  " + shown(line))
    return OK


def _headlines_list(args: argparse.Namespace) -> int:
    from s11audit.business_unit import headlines
    from s11audit.safe_text import shown

    def listing(workspace, cycle):
        return (headlines.choices(workspace.standards_set(cycle.id)), headlines.measures(workspace, cycle.id),
                headlines.chosen(workspace, cycle.id) is not None)

    found = _workspace_cycle(args, listing)
    if found is None:
        return FAILED
    offered, measures, chosen = found
    labels = {c.measure.key: c.label for c in offered}
    source = "chosen" if chosen else "the set's defaults"
    print(f"Headline measures of {shown(args.cycle)} ({source}):")
    for n, measure in enumerate(measures, start=1):
        wording = f" [{shown(measure.wording, 80)}]" if measure.wording else ""
        print(f"  {n}. {shown(labels.get(measure.key, measure.key), 120)}{wording}")
    if args.all:
        print("Measures the set offers (ID: what it is; * a default):")
        for choice in offered:
            key = choice.measure.key
            if choice.measure.kind == headlines.OPTION:
                options = [c for c in offered if c.measure.target_id == choice.measure.target_id]
                key = f"{choice.measure.target_id}={options.index(choice) + 1}"
            print(f"  {'*' if choice.default else ' '} {shown(key, 40)}: {shown(choice.label, 120)}")
    return OK


def _headlines_set(args: argparse.Namespace) -> int:
    from s11audit.business_unit import headlines
    from s11audit.safe_text import shown

    def choose(workspace):
        cycle = workspace.cycle(args.cycle)
        set_ = workspace.standards_set(cycle.id)
        wanted = []
        for text in [] if args.defaults else args.ids:
            key, _, wording = text.partition(":")
            try:
                measure = headlines.parse_measure(set_, key)
            except ValueError as error:
                print(shown(str(error), 300), file=sys.stderr)
                return None
            wanted.append(headlines.Measure(measure.kind, measure.target_id, measure.option, wording.strip()))
        return headlines.set_measures(workspace, cycle.id, wanted)

    measures = _in_workspace(args.workspace, choose)
    if measures is None:
        return FAILED
    defaults = " (the set's defaults)" if args.defaults else ""
    print(f"{shown(args.cycle)}: {len(measures)} headline measure{'' if len(measures) == 1 else 's'}{defaults}")
    return OK


def _dsl_directory(args: argparse.Namespace) -> int:
    from s11audit.business_unit.dsl_directory import DirectoryError, dsl_directory, write_directory

    if args.out.suffix.lower() not in (".xlsx", ".csv"):
        print(f"{args.out}: say .xlsx or .csv", file=sys.stderr)
        return FAILED

    def work(workspace):
        try:
            directory = dsl_directory(workspace, workspace.cycle(args.cycle), reference_date=args.on)
        except DirectoryError as exc:
            print(exc, file=sys.stderr)
            return None
        write_directory(directory, args.out, due_refresher=args.due_refresher)
        return directory

    directory = _in_workspace(args.workspace, work, read_only=True)
    if directory is None:
        return FAILED
    due = directory.due_refresher()
    print(f"{directory.cycle}: {len(directory.entries)} settings; {len(due)} people due for refresher DSL training "
          f"on {directory.reference_date}")
    if directory.previous_cycle:
        print(f"DSL changed since {directory.previous_cycle}: {len(directory.changed())}")
    print(f"{'Refresher invitation list' if args.due_refresher else 'DSL directory'}: {args.out}")
    return OK


def _process_age() -> float | None:
    """Seconds since this process started, where the OS tells it: a folder build's bootloader is
    included; a one-file build unpacks itself in a parent process first, which is not."""
    import time

    try:
        if sys.platform.startswith("linux"):
            import os

            start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            times = [wintypes.FILETIME() for _ in range(4)]
            kernel32 = ctypes.windll.kernel32
            kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), *(ctypes.byref(t) for t in times))
            created = (times[0].dwHighDateTime << 32 | times[0].dwLowDateTime) / 1e7 - 11644473600
            return time.time() - created
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return None


def _smoke_test(file: Path | None = None) -> int:
    """Show the main window, wait for Qt to draw its first screen, say how long that took and quit: a
    check of a build. With ``file``, the audit is opened first, as ``s11audit app FILE`` does
    (benchmarks/bench_start.py times both); the user's name must already be in the settings."""
    import time

    from s11audit.ui.app import application, create_main_window
    from s11audit.ui.first_paint import AUDIT, wait_for_first_paint

    app = application([sys.argv[0]])
    window = create_main_window()
    if file is not None and not window.settings.user_name:
        print("The smoke test opens a file only once the user's name is set (start the app once).", file=sys.stderr)
        return FAILED
    if file is None:
        window.show()
    else:
        window.open_before_showing(file)
    painted = wait_for_first_paint(window)
    age = _process_age()
    shown = window.isVisible() and bool(painted)
    print(f"window shown: {shown}; {age:.2f} s from process start to the {painted or 'window'} painted"
          if age is not None else f"window shown: {shown}")
    started = time.perf_counter()
    report = window.catalogue.report()  # the standards sets, read in the background meanwhile
    print(f"standards sets loaded: {len(report.sets)} ({len(report.skipped)} skipped) "
          f"{time.perf_counter() - started:.2f} s after")
    window.close()
    app.processEvents()
    opened = file is None or painted == AUDIT
    return OK if shown and opened and report.sets and not report.skipped else INVALID


def _app(args: argparse.Namespace) -> int:
    if args.smoke_test:
        return _smoke_test(args.file)
    from s11audit.ui.app import main as app_main

    return app_main([sys.argv[0]] + ([str(args.file)] if args.file else []))


def _epilog() -> str:
    from s11audit.logs import log_path

    return (f"Log file: {log_path()}\n"
            "(what the app and these commands did, and any unexpected error in full; -v also prints it here)")


def _add_verbose(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """``-v`` before or after the command: a sub-command's copy leaves the value alone unless given."""
    parser.add_argument("-v", "--verbose", action="count", default=0 if top else argparse.SUPPRESS,
                        help="say what is being done on stderr (-vv: in detail); it is always in the log file")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                _add_verbose(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="s11audit", description="Safeguarding self-assessment audits (section 11 and section 175/157).",
        epilog=_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"s11audit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _add_app_and_standards(commands)
    _add_audit_file_commands(commands)
    _add_workspace_commands(commands)
    _add_cycle_commands(commands)
    from s11audit.cli_retention import add_retention_commands

    add_retention_commands(commands)  # retention, compact (issue 17)
    _add_verbose(parser, top=True)
    return parser


def _add_app_and_standards(commands: argparse._SubParsersAction) -> None:
    """The desktop app, and checking, listing and converting standards sets."""
    app = commands.add_parser("app", help="start the desktop app")
    app.add_argument("file", nargs="?", type=Path, help="an audit file to open")
    # Checks a build: show the main window, print the time from process start, exit (packaging/check_build.py).
    app.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    app.set_defaults(run=_app)

    standards = commands.add_parser("standards", help="check, list or convert standards sets")
    standards_commands = standards.add_subparsers(dest="standards_command", required=True, metavar="ACTION")
    check = standards_commands.add_parser("check", help="validate standards set files")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE",
                       help="the files to check (default: the sets shipped with this installation)")
    check.set_defaults(run=_standards_check)
    listing = standards_commands.add_parser("list", help="list the sets the app finds, and files it skips")
    listing.set_defaults(run=_standards_list)
    to_xlsx = standards_commands.add_parser("to-xlsx", help="write a set as an Excel workbook to fill in or change")
    to_xlsx.add_argument("set", metavar="SET", help="a set id (e.g. s11-wt2023) or the path of a set file (.yaml)")
    to_xlsx.add_argument("out", type=Path, metavar="OUT.xlsx", help="the workbook to write")
    to_xlsx.set_defaults(run=_standards_to_xlsx)
    from_xlsx = standards_commands.add_parser("from-xlsx", help="turn a filled-in standards workbook into a set file")
    from_xlsx.add_argument("workbook", type=Path, metavar="IN.xlsx", help="the workbook to read")
    from_xlsx.add_argument("out", type=Path, metavar="OUT.yaml", help="the set file to write")
    from_xlsx.set_defaults(run=_standards_from_xlsx)


def _add_audit_file_commands(commands: argparse._SubParsersAction) -> None:
    """An organisation's audit file: a sample, its export, a return's check, its progress."""
    sample = commands.add_parser("sample", help="write a completed sample audit file, marked SAMPLE (a business unit "
                                                "will not import its return)")
    sample.add_argument("--set", required=True, metavar="SET_ID",
                        help="standards set id, e.g. s11-wt2023 or s175-kcsie2025")
    sample.add_argument("--version", dest="version", metavar="VERSION", help="a specific version of the set")
    sample.add_argument("--type", help="organisation type id, e.g. secondary or police")
    sample.add_argument("--name", help="organisation name (SAMPLE is put in front of it)")
    sample.add_argument("--reference", help="organisation reference (URN, ODS code)")
    sample.add_argument("--cycle", default="2026/27")
    sample.add_argument("--signed", action="store_true",
                        help="sign it off too (one signatory for each role of the set)")
    sample.add_argument("--statement", action="store_true",
                        help="sign it off and follow it with a completed, signed annual compliance statement for "
                             "the next cycle")
    sample.add_argument("out", type=Path, metavar="OUT")
    sample.set_defaults(run=_sample)

    export = commands.add_parser("export", help="export a signed audit: the return, its PDF, the action plan workbook "
                                                "(of an annual compliance statement: its return only)")
    export.add_argument("file", type=Path, metavar="AUDITFILE")
    export.add_argument("--return", dest="returned", type=Path, metavar="OUT", help="the signed return (.s11return)")
    export.add_argument("--pdf", type=Path, metavar="OUT", help="the return as a PDF")
    export.add_argument("--xlsx", type=Path, metavar="OUT", help="the action plan workbook")
    export.set_defaults(run=_export)

    supplement = commands.add_parser("supplement", help="answer a business unit's evidence request: write the signed "
                                                        "evidence supplement holding the files it asks for")
    supplement.add_argument("file", type=Path, metavar="AUDITFILE")
    supplement.add_argument("--request", required=True, type=Path, metavar="REQ", help="the request (.s11request)")
    supplement.add_argument("--out", required=True, type=Path, metavar="OUT", help="the supplement (.s11supplement)")
    supplement.set_defaults(run=_supplement)

    verify = commands.add_parser("verify", help="check signed returns: valid or invalid, with the reason")
    verify.add_argument("files", nargs="+", type=Path, metavar="FILE")
    verify.set_defaults(run=_verify)

    progress = commands.add_parser("progress", help="show how complete an audit file is and what is missing")
    progress.add_argument("file", type=Path, metavar="AUDITFILE")
    progress.set_defaults(run=_progress)

    statement = commands.add_parser("statement", help="the annual compliance statement between full audits")
    statement_commands = statement.add_subparsers(dest="statement_command", required=True, metavar="ACTION")
    start = statement_commands.add_parser("start", help="start an annual compliance statement, based on a signed "
                                                        "full audit of the file")
    start.add_argument("file", type=Path, metavar="AUDITFILE")
    start.add_argument("--cycle", required=True, metavar="NAME", help="the statement's cycle, e.g. 2027/28")
    start.add_argument("--baseline", type=int, metavar="AUDIT_ID",
                       help="the signed full audit it is based on (default: the latest signed full audit)")
    start.set_defaults(run=_statement_start)
    s_progress = statement_commands.add_parser("progress", help="what is left to do in the latest compliance "
                                                                "statement before it can be signed off")
    s_progress.add_argument("file", type=Path, metavar="AUDITFILE")
    s_progress.set_defaults(run=_statement_progress)


def _add_workspace_commands(commands: argparse._SubParsersAction) -> None:
    """The business unit's workspace: its settings, headline measures and cycles."""
    workspace = commands.add_parser("workspace", help="the business unit's workspace")
    workspace_commands = workspace.add_subparsers(dest="workspace_command", required=True, metavar="ACTION")
    new = workspace_commands.add_parser("new", help="create a business unit workspace (.s11workspace)")
    new.add_argument("path", type=Path, metavar="PATH")
    new.set_defaults(run=_workspace_new)
    settings = workspace_commands.add_parser("settings", help="the business unit's name and the signature block of "
                                                               "its letters (shows them when nothing is given)")
    settings.add_argument("workspace", type=Path, metavar="WORKSPACE")
    settings.add_argument("--name", help="the business unit's name (letters, report titles)")
    settings.add_argument("--signature", nargs="+", metavar="LINE", help="the signature block, a line each: name, "
                                                                        "role, ...")
    settings.set_defaults(run=_workspace_settings)

    headline = commands.add_parser("headlines", help="the headline measures of a cycle's annual report summary")
    headline_commands = headline.add_subparsers(dest="headlines_command", required=True, metavar="ACTION")
    h_list = headline_commands.add_parser("list", help="the cycle's headline measures (--all: every one it offers)")
    h_list.add_argument("workspace", type=Path, metavar="WORKSPACE")
    h_list.add_argument("--cycle", required=True, metavar="NAME")
    h_list.add_argument("--all", action="store_true", help="also every measure the cycle's set offers, with its ID")
    h_list.set_defaults(run=_headlines_list)
    h_set = headline_commands.add_parser("set", help="choose the cycle's headline measures, in order")
    h_set.add_argument("workspace", type=Path, metavar="WORKSPACE")
    h_set.add_argument("--cycle", required=True, metavar="NAME")
    h_set.add_argument("ids", nargs="+", metavar="ID", help="a standard or item id, ITEM=N for an option of a choice "
                                                           "item; ID:wording for the board's own words")
    h_set.set_defaults(run=_headlines_set, defaults=False)
    h_reset = headline_commands.add_parser("reset", help="go back to the set's default headline measures")
    h_reset.add_argument("workspace", type=Path, metavar="WORKSPACE")
    h_reset.add_argument("--cycle", required=True, metavar="NAME")
    h_reset.set_defaults(run=_headlines_set, defaults=True, ids=[])

    cycle = commands.add_parser("cycle", help="audit cycles in a workspace")
    cycle_commands = cycle.add_subparsers(dest="cycle_command", required=True, metavar="ACTION")
    add = cycle_commands.add_parser("add", help="open an audit cycle")
    add.add_argument("workspace", type=Path, metavar="WORKSPACE")
    add.add_argument("--name", required=True, help="e.g. 2026/27")
    add.add_argument("--set", required=True, metavar="SET",
                     help="standards set id (e.g. s175-kcsie2025), id@version (s175-kcsie2025@2026.2) or a set file")
    add.add_argument("--set-version", metavar="VERSION", help="a specific version of the set")
    add.add_argument("--due", required=True, type=_date, metavar="YYYY-MM-DD")
    add.add_argument("--opens", type=_date, metavar="YYYY-MM-DD")
    add.add_argument("--previous", metavar="NAME", help="the previous cycle, for year-on-year comparison; its "
                                                       "register is copied into the new cycle")
    add.add_argument("--empty-register", action="store_true", help="with --previous: do not copy its register")
    add.add_argument("--kind", choices=("full", "statement"), default="full",
                     help="a full audit (the default) or an annual compliance statement (needs --baseline)")
    add.add_argument("--baseline", metavar="NAME", help="with --kind statement: the earlier full audit cycle the "
                                                       "statements follow (the cycle uses its standards set)")
    add.set_defaults(run=_cycle_add)


def _add_cycle_commands(commands: argparse._SubParsersAction) -> None:
    """A cycle's register, the returns imported into it and what is made from them."""
    register = commands.add_parser("register", help="the register of organisations expected to return")
    register_commands = register.add_subparsers(dest="register_command", required=True, metavar="ACTION")
    reg_import = register_commands.add_parser("import", help="add organisations from a CSV or XLSX file")
    reg_import.add_argument("workspace", type=Path, metavar="WORKSPACE")
    reg_import.add_argument("--cycle", required=True, metavar="NAME")
    reg_import.add_argument("file", type=Path, metavar="FILE")
    reg_import.set_defaults(run=_register_import)
    from s11audit.cli_retention import add_register_remove

    add_register_remove(register_commands)  # issue 17

    importing = commands.add_parser("import", help="import signed returns (files or folders) into a cycle")
    importing.add_argument("files", nargs="+", type=Path, metavar="FILES_OR_DIRS")
    importing.add_argument("--into", required=True, type=Path, metavar="WORKSPACE")
    importing.add_argument("--cycle", required=True, metavar="NAME")
    importing.set_defaults(run=_import)

    take = commands.add_parser("import-supplement", help="import an organisation's signed evidence supplement: the "
                                                         "evidence files its return listed but did not carry")
    take.add_argument("workspace", type=Path, metavar="WORKSPACE")
    take.add_argument("supplement_file", type=Path, metavar="FILE")
    take.set_defaults(run=_import_supplement)

    decide = commands.add_parser("decide", help="accept or reject what a return waits for: a new signing key, or a "
                                                "statement flagged because its baseline is not held or it was signed "
                                                "with another key")
    decide.add_argument("workspace", type=Path, metavar="WORKSPACE")
    decide.add_argument("--cycle", required=True, metavar="NAME")
    decide.add_argument("--reference", required=True, metavar="REF", help="the organisation's reference")
    decide.add_argument("decision", choices=("accept", "reject"))
    decide.set_defaults(run=_decide)

    status = commands.add_parser("status", help="response rates and who has not returned")
    status.add_argument("workspace", type=Path, metavar="WORKSPACE")
    status.add_argument("--cycle", required=True, metavar="NAME")
    status.add_argument("--chase", type=Path, metavar="OUT.csv|OUT.xlsx", help="write the chase list")
    status.set_defaults(run=_status)

    findings = commands.add_parser("findings",
                                   help="the cycle's findings as a PDF, an Excel workbook and/or a Word document")
    findings.add_argument("workspace", type=Path, metavar="WORKSPACE")
    findings.add_argument("--cycle", required=True, metavar="NAME",
                          help="a full audit cycle, or an annual compliance statement cycle (its statement findings: "
                               "confirmation, declines, action progress, overdue actions, action histories)")
    findings.add_argument("--pdf", type=Path, metavar="OUT.pdf")
    findings.add_argument("--xlsx", type=Path, metavar="OUT.xlsx")
    findings.add_argument("--docx", type=Path, metavar="OUT.docx",
                          help="an accessible, editable Word document (summary and findings) for the annual report")
    findings.add_argument("--basis", choices=("self", "moderated"), default="self",
                          help="count self-grades (default) or moderated grades")
    findings.add_argument("--sector", help="only this sector")
    findings.add_argument("--type", help="only this organisation type id")
    findings.add_argument("--partnership", help="the partnership's name for the title page")
    findings.add_argument("--summary", action="store_true", help="print the annual report summary (response rates, "
                                                                 "headline measures; all sectors and types)")
    findings.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                          help="an annual compliance statement cycle: judge the actions' progress (overdue, on time) "
                               "on this day rather than today")
    findings.set_defaults(run=_findings)

    dsl = commands.add_parser("dsl-directory",
                              help="the cycle's designated safeguarding leads and deputies, as XLSX or CSV")
    dsl.add_argument("workspace", type=Path, metavar="WORKSPACE")
    dsl.add_argument("cycle", metavar="CYCLE")
    dsl.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.csv")
    dsl.add_argument("--due-refresher", action="store_true",
                     help="write only who is due for refresher DSL training (the list to invite)")
    dsl.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="the day refresher training is counted back from "
                     "(default: today)")
    dsl.set_defaults(run=_dsl_directory)


def main(argv: list[str] | None = None) -> int:
    import logging

    from s11audit.logs import log_unexpected, start_logging

    args = build_parser().parse_args(argv)
    start_logging(args.verbose)
    logging.getLogger("s11audit.cli").debug("s11audit %s: %s", __version__, args.command)
    try:
        return args.run(args)
    except Exception as exc:
        # In full in the log; the traceback follows.
        log_unexpected((type(exc), exc, exc.__traceback__), f"command {args.command}")
        raise


if __name__ == "__main__":
    raise SystemExit(main())
