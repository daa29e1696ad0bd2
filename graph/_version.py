"""The single place the version is written (read by pyproject via hatch)."""

__version__ = "0.1.0"
