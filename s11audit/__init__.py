"""s11audit: offline safeguarding self-assessment audits.

The package is split into a Qt-free core (``standards``, ``store``, ``completeness``, ``sample``,
``cli``) and the desktop app in ``s11audit.ui``, which is the only part that imports PySide6.
"""

__version__ = "0.1.0"
APP_NAME = "s11audit"
