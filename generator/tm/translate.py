"""`report-site translate`: fill the English the translation memories lack, through an engine.

Each report's memory is first merged with the current Chinese (msgmerge semantics, as the build
does in memory). Then the segments an engine may fill are sent: missing ones, and outdated ones
whose old English was itself machine-made. Reviewed English is never sent and never overwritten:
an outdated reviewed entry keeps its English, fuzzy flag and previous Chinese for a translator
to revise (no engine draft is put beside it, so no quota is spent on text a person will redo).

Each answer is written with its provenance (`machine-translated: engine=…; model=…; date=…;
digest=…`, the date from SOURCE_DATE_EPOCH when set, for reproducible runs; the digest tells a
draft a translator has since edited, which is theirs) and the memory is saved after every batch,
so a run that stops (Ctrl-C, a refused key, a used-up quota) keeps everything it got. A memory
saved by someone else during the run is merged, never overwritten.
Without an engine the command merges and saves only, and says what is left to translate.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import polib
from tqdm import tqdm

from generator.content import load_site
from generator.errors import ReportSiteError, display_path, to_stderr, warning_messages
from generator.model import Report
from generator.tm import engines, store
from generator.tm.engines import Engine, EngineConfig, EngineError, Retry, terms_in
from generator.tm.engines.service import shown_url
from generator.tm.engines.settings import resolve
from generator.tm.memory import catalog_path, merged_catalog
from generator.tm.unit import UnitState

Echo = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    engine: str | None = None
    base_url: str | None = None
    model: str | None = None
    dry_run: bool = False
    english_variant: str | None = None


@dataclass
class Outcome:
    """One report's run: what the merge found, what was sent and written, what is left."""

    catalog: str  # the PO file as messages name it
    added: int
    changed: int
    removed: int
    to_send: int
    translated: int = 0
    empty: int = 0  # answers that were blank: the segment stays missing
    missing: int = 0
    outdated: int = 0
    outdated_reviewed: int = 0


@dataclass(frozen=True)
class Provenance:
    """Who drafted a run's English, and when: recorded with every answer."""

    engine: str
    model: str
    day: date


@dataclass
class _Job:
    report: Report
    path: Path
    catalog: polib.POFile
    todo: list[polib.POEntry]
    outcome: Outcome
    reasons: dict[str, str] = field(default_factory=dict)
    on_disk: str | None = None  # the file's text as last read or written by this run
    context: dict[str, str] = field(default_factory=dict)  # msgid → the Chinese around it
    answered: list[tuple[store.Key, str, Provenance]] = field(default_factory=list)


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def reason_to_send(entry: polib.POEntry) -> str | None:
    """ "new" or "outdated" for an entry an engine may fill; None for one it must leave alone."""
    if entry.obsolete:
        return None
    state = store.state_of(entry)
    if state is UnitState.MISSING:
        return "new"
    if state is UnitState.OUTDATED and store.machine_made(entry):
        return "outdated"
    return None


def provenance_date(env: Mapping[str, str]) -> date:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH, so a scripted run can be reproduced."""
    epoch = env.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(UTC).date()
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ReportSiteError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}"
        ) from None


def record(entry: polib.POEntry, english: str, provenance: Provenance) -> None:
    """Write a machine translation into `entry`: English, provenance, no longer outdated."""
    stamp = store.provenance_lines(provenance.engine, provenance.model, provenance.day, english)
    _, others = store.split_provenance(entry.tcomment)
    entry.msgstr = english
    entry.tcomment = "\n".join([*stamp, *others])
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    entry.previous_msgid = None


def one_line(text: str) -> str:
    """A segment is one heading, paragraph, list item or table cell: a line break in an
    engine's answer would break the Markdown it goes back into."""
    return " ".join(text.split())


def _plan(report: Report) -> _Job:
    path = catalog_path(Path(report.folder))
    on_disk = _read(path)
    merged = merged_catalog(report)
    reasons = {e.msgid: r for e in merged.catalog if (r := reason_to_send(e)) is not None}
    todo = [e for e in merged.catalog if e.msgid in reasons and not e.obsolete]
    outcome = Outcome(
        display_path(path), merged.added, merged.outdated, merged.obsoleted, len(todo)
    )
    job = _Job(report, path, merged.catalog, todo, outcome, reasons, on_disk)
    job.context = neighbours([e.msgid for e in merged.catalog if not e.obsolete])
    return job


def neighbours(texts: Sequence[str]) -> dict[str, str]:
    """Each segment's neighbours in the report, as engines get them for context: the segment
    before and the one after (a heading's paragraph, a paragraph's heading)."""
    around: dict[str, str] = {}
    for index, text in enumerate(texts):
        before = texts[index - 1] if index > 0 else ""
        after = texts[index + 1] if index + 1 < len(texts) else ""
        around.setdefault(text, "\n".join(t for t in (before, after) if t))
    return around


def _save(job: _Job, err: Echo) -> None:
    """Save the job's catalog; if someone saved the file since this run read it (a translator
    with the file open in Poedit during a long run), their file wins: it is merged with the
    Chinese and gets this run's answers only where it still lacks English an engine may fill."""
    if _read(job.path) != job.on_disk:
        theirs = store.merge(store.load(job.path), list(job.report.segments()), job.report.path)
        live = {store.key_of(e): e for e in theirs.catalog if not e.obsolete}
        for key, english, provenance in job.answered:
            target = live.get(key)
            if target is not None and reason_to_send(target) is not None:
                record(target, english, provenance)
        job.catalog = theirs.catalog
        err(
            f"{job.outcome.catalog} was saved by someone else during the run: "
            "their edits are kept, and this run's answers merged into it"
        )
    store.save(job.catalog, job.path)
    job.on_disk = _read(job.path)


def _pending(job: _Job, keys: Sequence[store.Key]) -> list[polib.POEntry]:
    """The entries for `keys` in the job's current catalog that still want an engine."""
    live = {store.key_of(e): e for e in job.catalog if not e.obsolete}
    return [e for k in keys if (e := live.get(k)) is not None and reason_to_send(e)]


def _count_left(job: _Job) -> None:
    live = [e for e in job.catalog if not e.obsolete]
    states = [store.state_of(e) for e in live]
    job.outcome.missing = states.count(UnitState.MISSING)
    job.outcome.outdated = states.count(UnitState.OUTDATED)
    job.outcome.outdated_reviewed = sum(
        1
        for e, s in zip(live, states, strict=True)
        if s is UnitState.OUTDATED and not store.machine_made(e)
    )


def _run(
    job: _Job,
    engine: Engine,
    glossary: Mapping[str, str],
    provenance: Provenance,
    show: bool,
    err: Echo,
) -> None:
    bar = tqdm(
        total=len(job.todo), desc=job.report.slug, unit="seg", file=sys.stderr, disable=not show
    )
    keys = [store.key_of(e) for e in job.todo]
    size = max(1, engine.batch_size)
    try:
        for start in range(0, len(keys), size):
            batch = _pending(job, keys[start : start + size])
            context = [job.context.get(e.msgid, "") for e in batch]
            answers = engine.translate([e.msgid for e in batch], glossary, context) if batch else []
            if len(answers) != len(batch):
                raise EngineError(
                    engine.name, f"answered {len(answers)} texts for {len(batch)} segments"
                )
            for entry, answer in zip(batch, answers, strict=True):
                english = one_line(answer)
                if english:
                    record(entry, english, provenance)
                    job.answered.append((store.key_of(entry), english, provenance))
                    job.outcome.translated += 1
                else:
                    job.outcome.empty += 1
            _save(job, err)
            bar.update(len(keys[start : start + size]))
    finally:
        bar.close()


def _summary(outcome: Outcome, engine: Engine | None) -> str:
    if engine is None:
        done = f"merged: {outcome.added} new, {outcome.changed} changed, {outcome.removed} removed"
    else:
        done = f"{outcome.translated} translated by {engine.name} (model {engine.model})"
        if outcome.empty:
            done += f", {outcome.empty} blank answers left missing"
    left = f"left: {outcome.missing} missing, {outcome.outdated} outdated"
    if outcome.outdated_reviewed:
        left += f" ({outcome.outdated_reviewed} reviewed, for a translator)"
    return f"{outcome.catalog}: {done}; {left}"


def _describe(
    jobs: Sequence[_Job], config: EngineConfig | None, glossary: Mapping[str, str], out: Echo
) -> None:
    out("dry run: nothing is sent and nothing is written")
    if config is None:
        out("no engine configured: nothing would be sent")
    how = ""
    if config is not None:
        how = f" to {config.name}" + (f" (model {config.model})" if config.model else "")
        how += f" at {shown_url(config.base_url)}" if config.base_url else ""
    for job in jobs:
        _count_left(job)
        verb = "would be sent" if config is not None else "need an engine"
        out(f"{job.outcome.catalog}: {len(job.todo)} segments {verb}{how}")
        for entry in job.todo:
            where = ", ".join(f"{job.report.path}/{p}:{n}" for p, n in entry.occurrences)
            out(f"  {job.reasons[entry.msgid]:<8}  {where}")
            out(f"            {entry.msgid}")
            for zh, en in terms_in(entry.msgid, glossary).items():
                out(f"            glossary: {zh} → {en}")


def translate_site(
    content: Path,
    options: Options,
    *,
    env: Mapping[str, str] | None = None,
    retry: Retry | None = None,
    out: Echo = print,
    err: Echo = to_stderr,
    progress: bool | None = None,
) -> list[Outcome]:
    """Merge every report's memory with its Chinese and fill what an engine may fill.

    `env` (default: the process environment) is where keys and SOURCE_DATE_EPOCH come from;
    `retry` sets backoff (tests pass one that does not sleep); `progress` shows a bar on stderr
    (default: when stderr is a terminal).
    """
    env = os.environ if env is None else env
    site = load_site(content)
    for message in warning_messages(site.warnings):
        err(message)
    config = resolve(
        site.config.translate,
        options.engine,
        options.base_url,
        options.model,
        options.english_variant,
    )
    glossary = site.glossary.terms
    jobs = [_plan(report) for report in site.reports]
    if options.dry_run:
        _describe(jobs, config, glossary, out)
        return [job.outcome for job in jobs]
    show = sys.stderr.isatty() if progress is None else progress
    engine: Engine | None = None
    provenance: Provenance | None = None
    current: _Job | None = None
    try:
        for job in jobs:
            current = job
            _save(job, err)  # the merge, before anything is sent
            if job.todo and config is not None:
                if engine is None or provenance is None:  # a finished run needs no key
                    engine = engines.create(config, env, retry)
                    provenance = Provenance(engine.name, engine.model, provenance_date(env))
                _run(job, engine, glossary, provenance, show, err)
            _count_left(job)
            out(_summary(job.outcome, engine if config is not None else None))
    except (ReportSiteError, KeyboardInterrupt):
        if current is not None and current.outcome.translated:
            err(
                f"stopped: {current.outcome.translated} translations saved to "
                f"{current.outcome.catalog}"
            )
        raise
    finally:
        if engine is not None:
            engine.close()
    if config is None and any(job.outcome.missing or job.outcome.outdated for job in jobs):
        out(
            "no engine configured: use --engine NAME or a `translate:` section in "
            f"content/site.yml (engines: {', '.join(engines.NAMES)})"
        )
    return [job.outcome for job in jobs]
