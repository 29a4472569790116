"""The real edition, built once per session, served over http and opened from its folder, and
one Debian Chromium for the browser tests (tests/edition/test_browser.py, test_gates.py)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from build_scripts.build import build

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Every page the browser tests open records the Content-Security-Policy violations it meets
# (the page's own and its frames'); a test fails on any (see `page` and test_gates.py).
RECORD_CSP = """
document.addEventListener("securitypolicyviolation", e => {
  (window.__cspViolations = window.__cspViolations || []).push(
    `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`)
}, true)
"""


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: a missing path gets the site's root 404.html."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        """Quiet: the tests look at what the browser asked for, not at the server's log."""


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build(REPO, site_dir=tmp_path_factory.mktemp("real") / "site", skip={"pdf"})


@pytest.fixture(scope="session")
def http_root(site):
    handler = functools.partial(SiteHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole session; each test gets its own context (fresh storage)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


def csp_violations(page) -> list[str]:
    """The policy violations `page` and its frames have recorded so far."""
    return [found for frame in page.frames for found in _recorded(frame)]


def _recorded(frame) -> list[str]:
    from playwright.sync_api import Error

    try:
        return frame.evaluate("() => window.__cspViolations || []")
    except Error:  # a frame gone meanwhile (the search worker's, a redirect): nothing more
        return []
