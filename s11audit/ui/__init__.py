"""The desktop app (PySide6): a thin layer over the Qt-free core. Only this package imports Qt."""
