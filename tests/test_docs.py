"""Every CLI command has help text and is shown in the README (as sqlite-utils does)."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        yield full, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, full + " ")


def test_every_command_is_documented_in_the_readme():
    missing = [name for name, _ in _commands(main) if f"newsgraph {name}" not in README]
    assert not missing, f"commands not shown in README.md: {missing}"


def test_every_command_has_help_text():
    empty = [name for name, cmd in _commands(main) if not (cmd.help or "").strip()]
    assert not empty, f"commands without help: {empty}"


def test_readme_starts_with_the_two_setup_commands():
    blocks = README.split("```bash")
    assert "pip install . && newsgraph build examples/" in blocks[1]
    assert 'pip install -e ".[test]" && python -m pytest -q' in blocks[2]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest -q' in ci


def test_readme_python_example_runs(tmp_path):
    import datetime

    import graph

    examples = Path(__file__).resolve().parents[1] / "examples"
    res = graph.build([examples], tmp_path / "out", published=datetime.date(2023, 9, 21))
    assert res.articles == 5 and not [p for p in res.problems if p.severity == "error"]
    G = graph.actor_graph(tmp_path / "out", rollup=True)
    assert {"Q159", "Q227"} <= set(G)
    page = graph.render_html(G, tmp_path / "out" / "states.html")
    assert page.exists() and "window.NEWSGRAPH" in page.read_text(encoding="utf-8")
    report = graph.analysis_report(G)
    assert {"centrality", "communities", "triads"} <= set(report)
