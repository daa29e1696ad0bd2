"""Lazy re-exports for a package's ``__init__``: importing the package loads nothing heavy."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, table: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports module ``table[name]`` on first use and returns its ``name``.

    >>> get = lazy_exports("pkg", {"sqrt": "math"})
    >>> get("sqrt")(9.0)
    3.0
    >>> get("cube")
    Traceback (most recent call last):
    AttributeError: module 'pkg' has no attribute 'cube'
    """

    def __getattr__(name: str) -> Any:
        mod = table.get(name)
        if mod is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(mod), name)

    return __getattr__
