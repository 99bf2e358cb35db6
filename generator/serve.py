"""`report-site serve`: MkDocs' live server on one edition, plus a watcher that regenerates
site_src/ when an editor saves a file in content/ or templates/ (MkDocs then reloads the page)."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.errors import ReportSiteError
from generator.site import Project, generate

DEBOUNCE_SECONDS = 0.3


class _Regenerate(FileSystemEventHandler):
    def __init__(self, project: Project):
        self.project = project
        self.timer: threading.Timer | None = None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or str(event.src_path).endswith((".tmp", "~")):
            return
        if self.timer:
            self.timer.cancel()
        # Editors save in bursts (temp file, rename): regenerate once the burst is over.
        self.timer = threading.Timer(DEBOUNCE_SECONDS, self.run)
        self.timer.start()

    def run(self) -> None:
        try:
            result = generate(self.project)
            if result.written or result.removed:
                click.echo(f"regenerated: {', '.join(result.written + result.removed)}")
        except ReportSiteError as error:
            # The server keeps running with the last good pages; the editor sees what to fix.
            click.echo(error.render(), err=True)


def serve(project: Project, edition: str, dev_addr: str) -> None:
    generate(project)
    observer: Any = Observer()
    handler = _Regenerate(project)
    for folder in (project.content, project.templates):
        observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    click.echo(f"serving the {edition} edition on http://{dev_addr}/ (Ctrl+C to stop)")
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-f",
                "mkdocs.yml",
                "--dev-addr",
                dev_addr,
                "--watch",
                str((project.root / "overrides").resolve()),
            ],
            cwd=project.site_src / edition,
            check=False,
        )
    finally:
        observer.stop()
        observer.join()
