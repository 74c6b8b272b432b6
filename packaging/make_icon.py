"""Make the Windows program icon (``build/s11audit.ico``) from the app's ``resources/icons/s11audit.svg``.

Windows wants an .ico in the .exe; drawing it from the SVG at build time keeps one source for the
icon. Qt draws the SVG at each size as a PNG; an .ico can hold PNGs as they are.

Usage: python packaging/make_icon.py [OUT.ico]
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
LARGEST_SIDE = 256  # an ICONDIRENTRY's one-byte width and height write this as 0


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (Windows Vista on reads them), one per size."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, offset = b"", 6 + 16 * len(pngs)
    for size, png in pngs.items():
        side = 0 if size >= LARGEST_SIDE else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs.values())


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QIcon

    out = Path(argv[0]) if argv else ROOT / "build" / "s11audit.ico"
    out.parent.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (Qt needs one to draw)
    icon = QIcon(str(ROOT / "resources" / "icons" / "s11audit.svg"))
    pngs = {}
    for size in SIZES:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if icon.pixmap(size, size).isNull() or not icon.pixmap(size, size).save(buffer, "PNG"):
            print(f"Could not draw {size} px from the SVG icon", file=sys.stderr)
            return 1
        pngs[size] = bytes(buffer.data())
    out.write_bytes(ico(pngs))
    print(f"Icon: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
