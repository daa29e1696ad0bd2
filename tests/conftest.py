"""Shared fixtures: where ../shared is, and skipping cleanly when it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "seed" / "elasimah-karabakh.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the calling test with the reason."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (data beside the project, not shipped with it)")
    return p


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared("seed", "elasimah-karabakh.txt").read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(need_shared("seed", "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_doc(seed_text):
    import datetime

    import graph

    return graph.annotate(seed_text, published=datetime.date(2023, 9, 20))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared("seed", "elasimah-karabakh.txt")
