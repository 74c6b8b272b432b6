"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""
