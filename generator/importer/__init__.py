"""Plain-text report → editor-owned content folder.

Stages, each a module with one job, all in memory until the last:

- `decode`: bytes → text (UTF-8 with or without BOM, UTF-16/32, GB18030; CRLF → LF), or a
  clear refusal (an empty file, a PDF, a Word document, a web page, binary data);
- `chars`: invisible characters removed (and listed), control characters refused;
- `script`: a warning when the text is Traditional Chinese (the source is zh-Hans);
- `chrome`: web-page menus, bylines and "related links" around the report, dropped and listed;
- `blocks` → `outline`: lines → title, paragraphs, tables, notes, and headings at the levels
  the document itself gives them (`numbering` knows the schemes);
- `lint`: numbering that skips, repeats or starts again, and other shapes worth a look;
- `writer` (with `tables`, `meta`): the outline → Markdown pages and report.yml;
- `verify`: proof that the pages hold every character of the report, minus exactly what was
  listed as dropped;
- `run`: the command, which writes the folder in one rename only when there was no error.

Errors, warnings and removals are collected in one `findings.Findings` per run, so an editor
sees every problem of a file at once, each with file:line:col, the line and a hint.
"""
