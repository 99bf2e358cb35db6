"""Plain-text report → editor-owned content folder.

Stages, each a module with one job, all in memory until the last:

- `decode`: bytes → text (UTF-8 with or without BOM, UTF-16/32, GB18030; CRLF → LF), or a
  clear refusal (an empty file, a PDF, a Word document, a web page, binary data);
- `chars`: invisible and control characters removed (each listed and warned about);
- `script`: a warning when the text is Traditional Chinese (the source is zh-Hans);
- `linebreaks`: lines that lost their breaks split at their numbering and paragraph ends;
- `frame` (with `chrome`): web-page furniture around the report dropped and listed; the title,
  and the subtitle, speaker, date, publisher and address read for report.yml;
- `covering`: a document delivered inside a notice (`关于印发《X》的通知`) read as X, the notice
  kept as its first paragraphs;
- `blocks` → `outline`: lines → paragraphs, tables, notes, and headings at the levels the
  document itself gives them (`numbering` knows the schemes, `unnumbered` the headings without);
- `lint`: numbering that skips, repeats or starts again, and where the outline rests on a guess;
- `meta`: organisation and year (and the other fields) from what the text says;
- `writer` (with `tables`): the outline → Markdown pages and report.yml; `preview`: the outline
  as text (`--dry-run`);
- `verify`: proof that the pages hold every character of the report, minus exactly what was
  listed as dropped, and glue no two of its lines together unless on purpose;
- `run`: the command, which writes the folder in one rename only when there was no error.

Errors, warnings and removals are collected in one `findings.Findings` per run, so an editor
sees every problem of a file at once, each with file:line:col, the line and a hint.
"""
