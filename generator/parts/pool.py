"""Build workers (generator/parts/worker.py), one per core, each fed jobs by a thread of the
build. Workers start when the pool is started (a build starts it before it generates: their
imports then cost no time of their own) or when there is a job for them, and live until the
pool closes: their imports and compiled templates serve every job they get; one that got none
is stopped. After a failure no new job starts (one broken template would otherwise fail every
part once per part)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Job:
    key: str
    label: str  # what the job builds, as a failure names it
    request: dict[str, Any]  # what the worker is sent
    after: frozenset[str] = frozenset()  # jobs (of the same run) it needs done first


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str  # "" when it was built
    seconds: float
    peak_mb: float  # the worker's, so far


def _ask(worker: subprocess.Popen[str], request: dict[str, Any]) -> dict[str, Any]:
    """Send one job, read its answer."""
    assert worker.stdin is not None and worker.stdout is not None
    try:
        worker.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        worker.stdin.flush()
        line = worker.stdout.readline()
    except OSError as error:
        line = ""
        reason = str(error)
    else:
        reason = f"exit status {worker.poll()}"
    if not line:
        return {"ok": False, "error": f"the build worker stopped ({reason})"}
    answer: dict[str, Any] = json.loads(line)
    return answer


def default_size() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Pool:
    def __init__(self, cwd: Path, env: dict[str, str], size: int | None = None) -> None:
        self.cwd = cwd
        self.env = env
        self.size = max(1, size or default_size())
        self.workers: list[subprocess.Popen[str]] = []
        self.used: set[int] = set()  # the workers sent a job

    def _worker(self, n: int) -> subprocess.Popen[str]:
        while len(self.workers) <= n:
            self.workers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "generator.parts.worker"],
                    cwd=self.cwd,
                    env=self.env,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    encoding="utf-8",
                )
            )
        return self.workers[n]

    def start(self) -> None:
        """Start every worker now (from a single thread: the build forks after)."""
        self._worker(self.size - 1)

    def run(
        self, jobs: Sequence[Job], done: Callable[[Job], None] = lambda job: None
    ) -> list[Outcome]:
        """Run `jobs` on the workers, in their order, each once the jobs it needs are done;
        `done` is called (in turn) with each job that succeeded, before the jobs after it
        start. The outcome of each job that ran (all of them, unless one failed)."""
        queue = list(jobs)
        pending = {job.key for job in jobs}
        outcomes: list[Outcome] = []
        changed = threading.Condition()

        def next_job() -> Job | None:
            while queue and not any(o.error for o in outcomes):
                ready = [job for job in queue if not job.after & pending]
                if ready:
                    job = ready[0]
                    queue.remove(job)
                    return job
                changed.wait()
            return None

        def feed(n: int) -> None:
            worker = self._worker(n)
            while True:
                with changed:
                    job = next_job()
                if job is None:
                    return
                self.used.add(n)
                start = time.perf_counter()
                answer = _ask(worker, job.request)
                error = "" if answer.get("ok") else str(answer.get("error"))
                seconds = time.perf_counter() - start
                with changed:
                    if not error:
                        try:
                            done(job)
                        except OSError as failure:
                            error = f"what it built could not be kept: {failure}"
                    if not error:
                        pending.discard(job.key)
                    outcomes.append(Outcome(job, error, seconds, float(answer.get("peak_mb", 0))))
                    changed.notify_all()

        count = min(self.size, len(queue))
        for n in range(count):
            self._worker(n)  # started here, in order, not by the threads
        threads = [threading.Thread(target=feed, args=(n,)) for n in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return outcomes

    def close(self) -> None:
        for n, worker in enumerate(self.workers):
            if n not in self.used:
                worker.kill()  # nothing to finish: it may still be importing
            if worker.stdin:
                worker.stdin.close()  # a worker that was sent jobs ends when its input does
        for worker in self.workers:
            worker.wait()
            if worker.stdout:
                worker.stdout.close()
        self.workers.clear()
        self.used.clear()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
