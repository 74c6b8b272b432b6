"""The partnership's business unit: audit cycles, the register, imported returns, findings.

Qt-free. The workspace is its own SQLite file (``workspace.py``), separate from organisations'
audit files. ``records.ReturnRecord`` is the plain form of one imported return that findings,
tracking and reports are computed from.
"""
