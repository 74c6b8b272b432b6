"""The words the personal data screens share: a size ("3.4 MB"), files and their size ("12 files, 3.4 MB")
and a retention period ("18 months", "6 years", "for ever")."""

from __future__ import annotations

KILO = 1024  # sizes in KB, MB, GB of 1024 as the file manager counts them
WHOLE_FROM = 100  # sizes from this many units on are shown without a decimal place


def period_text(months: int | None) -> str:
    """"for ever", "18 months", "1 year", "6 years"."""
    if not months:
        return "for ever"
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'' if years == 1 else 's'}"
    return f"{months} month{'' if months == 1 else 's'}"


def size_text(size: int) -> str:
    """A size as the file manager shows it: "820 bytes", "14 KB", "3.4 MB", "1.2 GB"."""
    if size < KILO:
        return f"{size} byte{'' if size == 1 else 's'}"
    value, unit = size / KILO, "KB"
    for bigger in ("MB", "GB", "TB"):
        if value < KILO:
            break
        value, unit = value / KILO, bigger
    # one decimal place while it says something (3.4 MB), none from 100 up and never for kilobytes
    return f"{value:.0f} {unit}" if value >= WHOLE_FROM or unit == "KB" else f"{value:.1f} {unit}"


def files_text(files: int, size: int) -> str:
    """"12 files, 3.4 MB"."""
    return f"{files} file{'' if files == 1 else 's'}, {size_text(size)}"
