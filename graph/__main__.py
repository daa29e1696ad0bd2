"""``python -m graph`` is the same as the ``newsgraph`` command."""

from graph.cli import main

if __name__ == "__main__":  # pragma: no cover
    main(prog_name="newsgraph")
