"""The command line's retention and deletion commands (issue 17), added to the parser by ``cli.py``:

    s11audit retention WORKSPACE [--set evidence=24 narratives=36 returns=72] [--apply] [--yes]
    s11audit register remove WORKSPACE --cycle NAME --reference REF [--delete-returns]
    s11audit compact FILE          (an audit file or a workspace)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OK, INVALID, FAILED = 0, 1, 2
_KEEP_WORDS = ("keep", "kept", "none", "")


def _many(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _megabytes(size: int) -> str:
    return f"{size:,} bytes ({size / (1024 * 1024):.1f} MB)"


def _policy_from(texts: list[str], current):
    """The policy ``current`` changed by KIND=MONTHS texts (MONTHS a number, or keep); ValueError if one is bad."""
    import dataclasses

    from s11audit.business_unit.models import RETENTION_KINDS

    changes: dict[str, int | None] = {}
    for text in texts:
        kind, equals, months = text.partition("=")
        kind, months = kind.strip().lower(), months.strip().lower()
        if not equals or kind not in RETENTION_KINDS:
            raise ValueError(f"{text!r}: say KIND=MONTHS, KIND one of {', '.join(RETENTION_KINDS)} (e.g. evidence=24; "
                             "evidence=keep to keep it)")
        if months in _KEEP_WORDS:
            changes[f"{kind}_months"] = None
        elif months.isdigit():
            changes[f"{kind}_months"] = int(months)
        else:
            raise ValueError(f"{text!r}: the months must be a whole number, or keep")
    return dataclasses.replace(current, **changes)


def _print_preview(preview) -> None:
    from s11audit.safe_text import shown

    if not preview.items:
        print("Nothing is past its retention period.")
        return
    for item in preview.items:
        print(f"  {item.kind:<10} {shown(item.cycle, 20):<12} {shown(item.organisation, 50)} "
              f"({shown(item.reference, 30)}): {item.what}, {item.bytes:,} bytes")
    counts = preview.counts
    print(f"Past their retention period: evidence of {_many(counts['evidence'], 'return')}, narratives of "
          f"{counts['narratives']:,}, {_many(counts['returns'], 'whole return')}; "
          f"{_many(preview.files, 'evidence file')}, {_megabytes(preview.bytes)}")


def _confirmed(args: argparse.Namespace, question: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("Add --yes to delete without being asked (nothing was deleted).", file=sys.stderr)
        return False
    return input(f"{question} Type yes to go on: ").strip().lower() == "yes"


def _retention(args: argparse.Namespace) -> int:
    from s11audit.business_unit.retention import apply_retention, preview_retention
    from s11audit.cli import _in_workspace

    def work(workspace):
        if args.set:
            try:
                policy = _policy_from(args.set, workspace.retention())
            except ValueError as error:
                print(error, file=sys.stderr)
                return None
            workspace.set_retention(policy)
        print(f"Retention periods (after each cycle's due date): {workspace.retention().words()}")
        preview = preview_retention(workspace)
        _print_preview(preview)
        if not args.apply or not preview.items:
            return OK
        if not _confirmed(args, "This deletes what is listed above for good."):
            return INVALID
        report = apply_retention(workspace, preview)
        print(f"Deleted: {_many(report.items, 'item')} ({_many(report.files, 'evidence file')}, "
              f"{_megabytes(report.bytes)})"
              + (f"; {report.skipped} skipped because they changed meanwhile" if report.skipped else ""))
        compacted = workspace.compact()
        print(f"Compacted: {_megabytes(compacted.bytes_before)} -> {_megabytes(compacted.bytes_after)}")
        return OK

    result = _in_workspace(args.workspace, work, read_only=not (args.set or args.apply))
    return FAILED if result is None else result


def _register_remove(args: argparse.Namespace) -> int:
    from s11audit.business_unit.workspace import reference_key
    from s11audit.cli import _in_workspace
    from s11audit.safe_text import shown

    def work(workspace):
        cycle = workspace.cycle(args.cycle)
        found = [o for o in workspace.organisations(cycle.id) if reference_key(o.reference) == reference_key(
            args.reference)]
        if not found:
            print(f"{shown(args.cycle)} has no organisation with reference {shown(args.reference)} in its register",
                  file=sys.stderr)
            return FAILED
        organisation = found[0]
        report = workspace.remove_organisation(organisation.id, delete_returns=args.delete_returns)
        if not args.delete_returns:
            print(f"Took {shown(organisation.name)} off the {shown(cycle.name)} register; its returns are kept and "
                  "wait to be matched")
            return OK
        print(f"Deleted {shown(organisation.name)} from {shown(cycle.name)}: {_many(report.returns, 'return')}, "
              f"{_many(report.evidence_files, 'evidence file')}, {_many(report.moderations, 'moderated grade')}, "
              f"{_many(report.peer_records, 'peer audit record')} ({_megabytes(report.bytes)})")
        compacted = workspace.compact()
        print(f"Compacted: {_megabytes(compacted.bytes_before)} -> {_megabytes(compacted.bytes_after)}")
        return OK

    result = _in_workspace(args.workspace, work)
    return FAILED if result is None else result


def _compact(args: argparse.Namespace) -> int:
    from s11audit.business_unit.workspace import EXTENSION, Workspace
    from s11audit.store import AuditFile, AuditFileError

    opener = Workspace.open if args.file.suffix.lower() == EXTENSION else AuditFile.open
    try:
        with opener(args.file, "command line") as opened:
            report = opened.compact()
    except AuditFileError as exc:
        print(exc, file=sys.stderr)
        return FAILED
    print(f"Compacted {args.file}: {_megabytes(report.bytes_before)} -> {_megabytes(report.bytes_after)}")
    return OK


def add_retention_commands(commands: argparse._SubParsersAction) -> None:
    """``retention`` and ``compact``."""
    retention = commands.add_parser("retention", help="the workspace's retention periods and what is past them "
                                                      "(--apply deletes it and compacts the file)")
    retention.add_argument("workspace", type=Path, metavar="WORKSPACE")
    retention.add_argument("--set", nargs="+", metavar="KIND=MONTHS",
                           help="months after a cycle's due date to keep evidence, narratives and/or returns "
                                "(e.g. evidence=24 narratives=36 returns=72; evidence=keep to keep it)")
    retention.add_argument("--apply", action="store_true", help="delete what is listed, then compact the file")
    retention.add_argument("--yes", action="store_true", help="with --apply: do not ask first")
    retention.set_defaults(run=_retention)

    compact = commands.add_parser("compact", help="rebuild an audit file or workspace without the space left by "
                                                  "deleted data, so nothing deleted can be read from it")
    compact.add_argument("file", type=Path, metavar="FILE")
    compact.set_defaults(run=_compact)


def add_register_remove(register_commands: argparse._SubParsersAction) -> None:
    """``register remove``."""
    remove = register_commands.add_parser("remove", help="take an organisation off a cycle's register "
                                                         "(--delete-returns: delete its returns, evidence and "
                                                         "moderation too, then compact the file)")
    remove.add_argument("workspace", type=Path, metavar="WORKSPACE")
    remove.add_argument("--cycle", required=True, metavar="NAME")
    remove.add_argument("--reference", required=True, metavar="REF")
    remove.add_argument("--delete-returns", action="store_true")
    remove.set_defaults(run=_register_remove)
