"""Standards sets: the audit content loaded from YAML config (see ``standards/README.md``)."""

from s11audit.standards.loader import (
    LoadReport,
    SkippedFile,
    StandardsError,
    check_files,
    discover,
    load_file,
    set_from_snapshot,
)
from s11audit.standards.model import (
    DEFAULT_PEER_OUTCOMES,
    GradeLevel,
    GradeScale,
    Item,
    ItemType,
    PeerOutcome,
    PeerOutcomeScale,
    Signatory,
    SignOff,
    Standard,
    StandardsSet,
)

__all__ = [
    "DEFAULT_PEER_OUTCOMES",
    "GradeLevel",
    "GradeScale",
    "Item",
    "ItemType",
    "LoadReport",
    "PeerOutcome",
    "PeerOutcomeScale",
    "SignOff",
    "Signatory",
    "SkippedFile",
    "Standard",
    "StandardsError",
    "StandardsSet",
    "check_files",
    "discover",
    "load_file",
    "set_from_snapshot",
]
