"""The ``newsgraph`` command line: a click group; each module here adds its commands.

Every module in this package (other than this one and ``common``) defines
``register(group)``; commands are thin wrappers over functions in :mod:`graph.api` and the
stage packages, importing heavy dependencies only when they run.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from graph._version import __version__

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Build knowledge graphs from Arabic and English news articles."""


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(mod, "register", None)
        if register is not None:
            register(main)


_register_all()
