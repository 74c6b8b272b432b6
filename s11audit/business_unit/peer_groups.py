"""Challenge groups for a peer audit day: the proposal rule, with no database and no Qt.

The business unit chooses a group size; the app proposes groups that mix sectors, so that each
agency is challenged by partners who work with different client groups. The business unit can then
edit the groups by hand (``peer_audit.set_groups`` / ``move_participant``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

Id = TypeVar("Id", bound=Hashable)


def sector_key(sector: str) -> str:
    """Sectors are compared without regard to case or spacing; a blank sector is a sector of its own."""
    return " ".join(str(sector or "").split()).casefold()


def group_sizes(count: int, size: int) -> list[int]:
    """How many agencies each group holds: ``ceil(count / size)`` groups, sizes differing by at most one,
    the larger groups first (the last groups take the remainder)."""
    if size < 1:
        raise ValueError("a challenge group needs at least one agency")
    if count <= 0:
        return []
    groups = -(-count // size)
    base, extra = divmod(count, groups)
    return [base + 1 if index < extra else base for index in range(groups)]


def propose_groups(participants: Sequence[tuple[Id, str]], size: int) -> list[list[Id]]:
    """Propose challenge groups of about ``size`` agencies that mix sectors.

    ``participants`` are ``(id, sector)`` pairs. The rule:

    1. **Sizes.** There are ``ceil(n / size)`` groups; their sizes differ by at most one, the larger
       groups first, so the last groups take the remainder (10 agencies in groups of 4: 4, 3, 3).
    2. **Mixing.** No group holds two agencies of the same sector unless that sector has more agencies
       than there are groups; then its agencies are spread as evenly as possible (no group holds
       more than ``ceil(m / groups)`` of a sector of ``m``). When everyone is of one sector, mixing is
       impossible and only the sizes hold.
    3. **How.** Sectors are ordered largest first (ties by sector name, then first appearance), the
       agencies of each sector keep their given order, and this list is dealt round-robin: the k-th
       agency goes to group ``k mod groups``. Dealing consecutive agencies of a sector to consecutive
       groups is what spreads each sector, and dealing the largest sectors first spreads them best.
    4. **Deterministic.** The same input always gives the same groups.

    Sectors are compared ignoring case and spacing (``sector_key``); a blank sector counts as one sector.
    """
    sizes = group_sizes(len(participants), size)
    if not sizes:
        return []
    by_sector: dict[str, list[Id]] = {}
    for participant_id, sector in participants:
        by_sector.setdefault(sector_key(sector), []).append(participant_id)
    order = sorted(by_sector, key=lambda key: (-len(by_sector[key]), key))
    dealt = [participant_id for key in order for participant_id in by_sector[key]]
    groups: list[list[Id]] = [[] for _ in sizes]
    for position, participant_id in enumerate(dealt):
        groups[position % len(groups)].append(participant_id)
    return groups
