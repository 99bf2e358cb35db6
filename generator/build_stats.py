"""What a build cost, stage by stage: seconds and peak memory (`report-site build --stats`,
and what `make bench` prints)."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from resource import RUSAGE_CHILDREN, RUSAGE_SELF, getrusage
from typing import Any

from generator.parts.pool import Outcome


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float  # wall-clock; for the workers' share of a stage, their own seconds summed
    peak_mb: float  # the build's process, so far (with the processes it forked to render)
    workers_peak_mb: float = 0.0  # the largest build worker, for the stage's jobs


def _own_peak_mb(forked: bool = False) -> float:
    # ru_maxrss is in KiB on Linux. The children are counted only for the stage that forks
    # renderers: the build workers, exec'd, report their own peak (VmHWM), which their
    # ru_maxrss would overstate (Linux keeps it across exec).
    return (
        max(getrusage(who).ru_maxrss for who in (RUSAGE_SELF, RUSAGE_CHILDREN)[: 1 + forked]) / 1024
    )


@dataclass
class Stats:
    stages: list[Stage] = field(default_factory=list)
    parts_built: int = 0
    parts_kept: int = 0

    @contextmanager
    def stage(self, name: str, forked: bool = False) -> Iterator[None]:
        """A stage of the build's process (`forked`: and of the processes it forks)."""
        start = time.perf_counter()
        yield
        self.stages.append(Stage(name, time.perf_counter() - start, _own_peak_mb(forked)))

    def workers(self, name: str, outcomes: Sequence[Outcome]) -> None:
        """The jobs of one kind a stage ran: the seconds their workers spent, their peak."""
        if outcomes:
            seconds = sum(o.seconds for o in outcomes)
            peak = max(o.peak_mb for o in outcomes)
            self.stages.append(Stage(f"  {name}", seconds, _own_peak_mb(), peak))

    def table(self) -> str:
        lines = [f"{'stage':<12} {'s':>7} {'peak MB':>8} {'workers MB':>10}"]
        for s in self.stages:
            workers = f"{s.workers_peak_mb:10.0f}" if s.workers_peak_mb else f"{'':>10}"
            lines.append(f"{s.name:<12} {s.seconds:7.2f} {s.peak_mb:8.0f} {workers}")
        lines.append(f"parts built: {self.parts_built}, kept: {self.parts_kept}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
