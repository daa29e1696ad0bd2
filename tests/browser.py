"""Headless Chromium for the browser tests: Debian's chromium through playwright, network blocked.

Every request that is not ``file:`` or ``data:`` (or ``blob:``/``about:``) is aborted and
recorded, so a page that loads and draws here provably needs no network.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Chromium", "Page", "chromium_available", "launch", "open_page"]

CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


@dataclass
class Page:
    """A loaded page plus what happened while it was open."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Chromium:
    """One headless Chromium; :meth:`open` loads pages in fresh contexts with the network blocked."""

    def __init__(self, browser: Any):
        self.browser = browser

    def open(
        self, html: Path, *, width: int = 1280, height: int = 800, wait_drawn: bool = True, timeout_ms: int = 30000
    ) -> Page:
        context = self.browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        result = Page(page)

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(_LOCAL_SCHEMES):
                r.continue_()
            else:
                result.blocked.append(url)
                r.abort()

        def on_dialog(d: Any) -> None:
            result.dialogs.append(d.message)
            d.dismiss()

        page.route("**/*", route)
        page.on("dialog", on_dialog)
        page.on("pageerror", lambda exc: result.errors.append(str(exc)))
        page.goto(Path(html).resolve().as_uri(), timeout=timeout_ms)
        if wait_drawn:
            page.wait_for_function("window.NEWSGRAPH && window.NEWSGRAPH.drawn === true", timeout=timeout_ms)
        return result


@contextlib.contextmanager
def launch() -> Iterator[Chromium]:
    """Start Debian's headless Chromium through playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield Chromium(browser)
        finally:
            browser.close()


@contextlib.contextmanager
def open_page(html: Path, **kwargs: Any) -> Iterator[Page]:
    """Open ``html`` in a fresh headless Chromium with the network blocked; wait for ``NEWSGRAPH.drawn``."""
    with launch() as chromium:
        yield chromium.open(html, **kwargs)
