"""Bad input to `report-site import`: a clear message (file:line:col, the line, a hint), a
non-zero exit and no output folder for errors; the import going on, with the warning printed,
for what an editor should only look at. Messages are part of the interface, so they are asserted
exactly.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.content import PARSER, load_site
from generator.errors import ReportSiteError
from generator.importer import decode
from generator.importer.run import import_report, plan_import
from generator.markdown_text import plain_text
from tests.conftest import HANGZHOU

TITLE = "某市教育局2020年工作总结\n"


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a scratch folder, so messages name files as `report.txt`."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_import(source: str, data: bytes | str) -> Result:
    path = Path(source)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return CliRunner().invoke(main, ["import", source, "--out", "out"])


def assert_refused(result: Result, stderr: str) -> None:
    assert result.exit_code == 1
    assert result.stderr == stderr
    assert result.stdout == ""
    assert not Path("out").exists(), "a refused import must not create its output folder"


def pages_text(folder: Path) -> str:
    """What the loader's parser reads of the section pages, joined by newlines."""
    return "\n".join(
        plain_text(t.content)
        for page in sorted((folder / "zh-Hans").glob("0*.md"))
        for t in PARSER.parse(page.read_text(encoding="utf-8"))
        if t.type == "inline"
    )


# --- files that are not a report's text: errors ------------------------------------------


def test_empty_file(here: Path) -> None:
    assert_refused(
        run_import("report.txt", b" \r\n\t\n"),
        "report.txt: the file is empty\n  hint: export the report's text into this file first\n",
    )


def test_binary_file(here: Path) -> None:
    assert_refused(
        run_import("report.txt", bytes(range(256)) * 4),
        "report.txt: this is not a text file (it contains NUL bytes)\n"
        "  hint: save the report as plain text (UTF-8) and import that file\n",
    )


@pytest.mark.parametrize(
    ("data", "what", "todo"),
    [
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "a PDF file",
            "copy the report's text out of the PDF (or run pdftotext)",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "a Word (.docx) or other zip file",
            "open it and save it as plain text",
        ),
    ],
)
def test_documents_that_are_not_plain_text(here: Path, data: bytes, what: str, todo: str) -> None:
    assert_refused(
        run_import("report.txt", data),
        f"report.txt: this is {what}, not plain text\n"
        f"  hint: {todo}; save the report as plain text (UTF-8) and import that file\n",
    )


def test_saved_web_page(here: Path) -> None:
    assert_refused(
        run_import("report.txt", "<!DOCTYPE html>\n<html><body>一、总则</body></html>\n"),
        "report.txt: this is a web page (HTML), not plain text\n"
        "  hint: copy the report's text from the browser into a text editor; save the report "
        "as plain text (UTF-8) and import that file\n",
    )


def test_bytes_that_no_encoding_reads(here: Path) -> None:
    assert_refused(
        run_import("report.txt", TITLE.encode() + "一、总则".encode() + b"\xff\xfe\xff\n"),
        "report.txt:2:5: byte 0xFF (byte 47 of the file) cannot be read as UTF-8, GB18030 or "
        "Big5\n"
        "    一、总则���\n"
        "            ^\n"
        "  hint: save the report as UTF-8 text and import it again\n",
    )


def test_a_file_too_large_to_be_a_report(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 1_000_000)
    assert_refused(
        run_import("report.txt", b"x" * 3_000_000),
        "report.txt: the file is 3 MB, too large to be a report's text\n"
        "  hint: check that this is the report's plain text\n",
    )


def test_a_report_without_headings_is_one_page(here: Path) -> None:
    result = run_import("report.txt", TITLE + "这是一段文字。\n这又是一段。\n")
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt: warning: no section headings found (headings are recognised by their "
        "numbering at the start of a line: 第一部分, 一、, （一）, 1., （1）, ①, 一是); it is "
        "imported as a one-page report\n"
        "  hint: if the report has sections, put each heading on a line of its own, numbered "
        "一、二、三、…, and import it again\n"
    )
    assert result.stdout == "imported report.txt → out/report/ (1 page)\n"
    assert Path("out/report/zh-Hans/index.md").read_text(encoding="utf-8") == (
        "# 某市教育局2020年工作总结\n\n这是一段文字。\n\n这又是一段。\n"
    )


def test_control_characters_are_removed_listed_and_warned_about(here: Path) -> None:
    result = run_import(
        "report.txt",
        TITLE + "一、总则\n正文\a有铃声\b。\n\f二、分则\n正文\u202e反向。\n",
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:3:3: warning: removed control character U+0007 BELL\n"
        "    正文␇有铃声␈。\n"
        "        ^\n"
        "  hint: if it stood for a character of the report, type that character into the "
        "imported page (report.yml lists it under `dropped:`)\n"
        "report.txt:3:7: warning: removed control character U+0008 BACKSPACE\n"
        "    正文␇有铃声␈。\n"
        "               ^\n"
        "  hint: if it stood for a character of the report, type that character into the "
        "imported page (report.yml lists it under `dropped:`)\n"
        "report.txt:4:1: warning: removed a page break (U+000C FORM FEED)\n"
        "    ␌二、分则\n"
        "    ^\n"
        "  hint: look around it for a page header or page number left from a PDF (report.yml "
        "lists it under `dropped:`)\n"
        "report.txt:5:3: warning: removed a bidirectional control character, U+202E "
        "RIGHT-TO-LEFT OVERRIDE: it can make text display in another order than it is written\n"
        "    正文◌反向。\n"
        "        ^\n"
        "  hint: nothing to do: it carried no text (report.yml lists it under `dropped:`)\n"
    )
    pages = "".join(p.read_text("utf-8") for p in Path("out/report/zh-Hans").glob("*.md"))
    assert not any(ch in pages for ch in "\a\b\f\u202e")
    assert pages_text(Path("out/report")) == "一、总则\n正文有铃声。\n二、分则\n正文反向。"
    meta = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert meta["dropped"] == [
        {"line": 3, "column": 3, "text": "U+0007", "reason": "control character (bell)"},
        {"line": 3, "column": 7, "text": "U+0008", "reason": "control character (backspace)"},
        {"line": 4, "column": 1, "text": "U+000C", "reason": "page break (form feed)"},
        {
            "line": 5,
            "column": 3,
            "text": "U+202E",
            "reason": "bidirectional control (right-to-left override)",
        },
    ]


def test_errors_come_with_the_warnings_of_the_same_run(here: Path) -> None:
    Path("out", "report").mkdir(parents=True)
    result = run_import("report.txt", TITLE + "一、总则\n正\u200b文\x1b。\n")
    assert result.exit_code == 1
    assert result.stderr == (
        "out/report: this report folder already exists\n"
        "  hint: editors own it: move it away first, or import under another name with "
        "--slug NAME\n"
        "report.txt:3:2: warning: removed an invisible character, U+200B ZERO WIDTH SPACE\n"
        "    正◌文␛。\n"
        "      ^\n"
        "  hint: nothing to do: it carried no text (report.yml lists it under `dropped:`)\n"
        "report.txt:3:4: warning: removed control character U+001B ESCAPE\n"
        "    正◌文␛。\n"
        "         ^\n"
        "  hint: if it stood for a character of the report, type that character into the "
        "imported page (report.yml lists it under `dropped:`)\n"
        "3 problems found.\n"
    )
    assert list(Path("out", "report").iterdir()) == []


@pytest.mark.parametrize("slug", ["../Elsewhere", "assets", "search"])
def test_a_slug_that_cannot_be_a_folder(here: Path, slug: str) -> None:
    Path("report.txt").write_text(TITLE + "一、总则\n正文。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "report.txt", "--out", "out", "--slug", slug])
    assert_refused(
        result,
        f"--slug: “{slug}” cannot be a report's folder and web address\n"
        "  hint: use lower-case letters, digits and hyphens, not assets or search, "
        "e.g. --slug guangdong-2026\n",
    )


def test_a_chinese_file_name_gives_a_pinyin_folder(here: Path) -> None:
    Path("杭州市教育局2020年工作总结.txt").write_text(TITLE + "一、总则\n正文。\n", "utf-8")
    result = CliRunner().invoke(main, ["import", "杭州市教育局2020年工作总结.txt", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("out").iterdir()] == [
        "hangzhoushi-jiaoyuju-2020-nian-gongzuo-zongjie"
    ]


def test_a_report_folder_that_cannot_be_a_web_address(here: Path) -> None:
    assert CliRunner().invoke(main, ["import", str(HANGZHOU), "--out", "content"]).exit_code == 0
    Path("content", "hangzhou-education-2020").rename(Path("content", "assets"))
    Path("content", "site.yml").write_text("site_url: https://example.org/\n", encoding="utf-8")
    with pytest.raises(ReportSiteError) as error:
        load_site(Path("content"))
    assert error.value.render() == (
        "content/assets: a report folder's name is the report's web address, and this one "
        "cannot be\n"
        "  hint: rename the folder with lower-case letters, digits and hyphens (not assets or "
        "search), e.g. guangdong-gov-2026"
    )


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ReportSiteError) as error:
        plan_import(tmp_path)
    assert error.value.problems[0].message == "cannot read the file: Is a directory"


# --- encodings and line ends: all read the same ------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "newline", "note"),
    [
        ("gb18030", "\n", "report.txt: read as GB18030\n"),
        ("utf-8-sig", "\n", ""),
        ("utf-16", "\r\n", "report.txt: read as UTF-16\n"),
        ("utf-32", "\n", "report.txt: read as UTF-32\n"),
        ("utf-8", "\r\n", ""),
        ("utf-8", "\r", ""),
        (
            "utf-16-le",
            "\n",
            "report.txt: warning: the file is UTF-16-LE without a byte-order mark; it was read "
            "as such\n"
            "  hint: save it as UTF-8 to be sure every tool reads it the same way\n",
        ),
    ],
)
def test_encodings_and_line_ends(
    here: Path, hangzhou_text: str, encoding: str, newline: str, note: str
) -> None:
    result = run_import("report.txt", hangzhou_text.replace("\n", newline).encode(encoding))
    assert result.exit_code == 0, result.output
    assert result.stderr == note
    assert result.stdout == "imported report.txt → out/report/ (11 pages)\n"
    reference = import_report(HANGZHOU, here / "reference", echo=print)
    for page in sorted((reference / "zh-Hans").glob("*.md")):
        assert (here / "out" / "report" / "zh-Hans" / page.name).read_bytes() == page.read_bytes()


# --- what an editor should look at: warnings, and the import goes on -----------------------


def test_numbering_that_skips_and_repeats(here: Path) -> None:
    result = run_import(
        "report.txt",
        TITLE + "一、甲\n正文。\n二、乙\n正文。\n  四、丁\n正文。\n四、戊\n正文。\n",
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:6:3: warning: numbering skips 三、: 二、 (line 4) is followed by 四、\n"
        "      四、丁\n"
        "      ^\n"
        "  hint: restore the missing item, or renumber this one 三、\n"
        "report.txt:8:1: warning: numbering repeats 四、 (line 6 has it too)\n"
        "    四、戊\n"
        "    ^\n"
        "  hint: renumber this one 五、\n"
    )
    assert result.stdout == "imported report.txt → out/report/ (5 pages)\n"


def test_numbering_of_sub_items(here: Path) -> None:
    result = run_import(
        "report.txt",
        TITLE + "一、总则\n（一）甲\n正文。\n（三）丙\n正文。\n二、分则\n（二）乙\n正文。\n",
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:5:1: warning: numbering skips （二）: （一） (line 3) is followed by （三）\n"
        "    （三）丙\n"
        "    ^\n"
        "  hint: restore the missing item, or renumber this one （二）\n"
        "report.txt:8:1: warning: numbering starts at （二）, not （一）\n"
        "    （二）乙\n"
        "    ^\n"
        "  hint: if the items before it are missing, restore them; otherwise renumber this one "
        "（一）\n"
    )


def test_numbering_that_starts_again_without_an_appendix_heading(here: Path) -> None:
    result = run_import(
        "report.txt", TITLE + "一、甲\n正文。\n二、乙\n正文。\n一、附录甲\n正文。\n"
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:6:1: warning: numbering starts again at 一、 while 二、 (line 4) is still "
        "open; imported as a sub-list of the heading before it\n"
        "    一、附录甲\n"
        "    ^\n"
        "  hint: if an appendix starts here, put its heading (附件1, 附录…) on the line before; "
        "otherwise renumber this one 三、\n"
    )
    page = Path("out/report/zh-Hans/02-yi.md").read_text(encoding="utf-8")
    assert page == "# 二、乙\n\n正文。\n\n## 一、附录甲\n\n正文。\n"


def test_an_appendix_heading_starts_a_numbering_of_its_own(here: Path) -> None:
    result = run_import(
        "report.txt", TITLE + "一、甲\n正文。\n二、乙\n正文。\n附件1\n民生实事\n一、办学\n正文。\n"
    )
    assert result.stderr == (  # the appendix's list starts afresh; a list of one is said so
        "report.txt:8:1: warning: “一、办学” is the only item of its list under “附件1 民生实事” "
        "(line 6); it is imported as its sub-heading\n"
        "    一、办学\n"
        "    ^\n"
        "  hint: if the list's other items are missing, restore them; if it is not a heading, "
        "make it a paragraph in the imported page\n"
    )
    assert sorted(p.name for p in Path("out/report/zh-Hans").iterdir()) == [
        "01-jia.md",
        "02-yi.md",
        "03-fujian-1.md",
        "index.md",
    ]
    page = Path("out/report/zh-Hans/03-fujian-1.md").read_text(encoding="utf-8")
    assert page == "# 附件1 民生实事\n\n## 一、办学\n\n正文。\n"


def test_one_enormous_line(here: Path) -> None:
    result = run_import("report.txt", TITLE + "一、总则\n" + "长句，" * 3000 + "完。\n")
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:3:1: warning: this line is 9,002 characters long\n"
        "    长句，长句，长句，长句，长句，长句，长句，长句，长句，长句，长句，长句，…\n"
        "    ^\n"
        "  hint: if paragraphs were run together, put each paragraph and each heading on a line "
        "of its own\n"
    )


def test_a_report_on_one_enormous_line_is_imported(here: Path) -> None:
    result = run_import("report.txt", TITLE + "前言。" * 3000 + "\n")
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt: warning: no section headings found (headings are recognised by their "
        "numbering at the start of a line: 第一部分, 一、, （一）, 1., （1）, ①, 一是); it is "
        "imported as a one-page report\n"
        "  hint: put each paragraph on a line of its own (the line breaks seem to be lost)\n"
        "report.txt:2:1: warning: this line is 9,000 characters long\n"
        "    前言。前言。前言。前言。前言。前言。前言。前言。前言。前言。前言。前言。…\n"
        "    ^\n"
        "  hint: if paragraphs were run together, put each paragraph and each heading on a "
        "line of its own\n"
    )
    assert "前言。" * 3000 in Path("out/report/zh-Hans/index.md").read_text(encoding="utf-8")


def test_a_position_far_into_a_long_line_is_shown_in_a_window(here: Path) -> None:
    result = run_import(
        "report.txt", TITLE + "一、总则\n" + "甲" * 100 + "\x07" + "乙" * 100 + "\n"
    )
    assert result.stderr.splitlines()[:3] == [
        "report.txt:3:101: warning: removed control character U+0007 BELL",
        "    …" + "甲" * 18 + "␇" + "乙" * 17 + "…",
        "     " + "  " * 18 + "^",  # the ellipsis takes one column, each 甲 two
    ]


def test_invisible_characters_are_removed_and_listed(here: Path) -> None:
    result = run_import("report.txt", TITLE + "一、总则\n正\u200b文，\ufeff含零宽字符\u00ad。\n")
    assert result.exit_code == 0
    assert result.stderr.count("warning: removed an invisible character") == 3
    assert "report.txt:3:11: warning: removed an invisible character, U+00AD SOFT HYPHEN" in (
        result.stderr
    )
    assert pages_text(Path("out/report")) == "一、总则\n正文，含零宽字符。"
    meta = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert meta["dropped"] == [
        {
            "line": 3,
            "column": 2,
            "text": "U+200B",
            "reason": "invisible character (zero width space)",
        },
        {
            "line": 3,
            "column": 5,
            "text": "U+FEFF",
            "reason": "invisible character (byte order mark)",
        },
        {"line": 3, "column": 11, "text": "U+00AD", "reason": "invisible character (soft hyphen)"},
    ]


def test_replacement_and_private_use_characters_are_kept_with_a_warning(here: Path) -> None:
    result = run_import("report.txt", TITLE + "一、总则\n正文\ufffd缺字\ue000。\n")
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:3:3: warning: U+FFFD REPLACEMENT CHARACTER: a character was lost before "
        "this file was saved\n"
        "    正文�缺字\ue000。\n"
        "        ^\n"
        "  hint: compare this line with the published report and type the missing character\n"
        "report.txt:3:6: warning: private-use character U+E000 CONTROL CHARACTER: readers will "
        "see a blank or a box\n"
        "    正文�缺字\ue000。\n"
        "             ^\n"
        "  hint: replace it with the character it stands for in the published report\n"
    )
    assert pages_text(Path("out/report")) == "一、总则\n正文\ufffd缺字\ue000。"


def test_full_width_digits_and_latin_are_kept_as_written(here: Path) -> None:
    result = run_import(
        "report.txt",
        TITLE
        + "一、总则\n（１）第一项：ＡＢＣ１２３。\n（２）第二项。\n正文ＰＭ２．５。\n二、分则\n",
    )
    assert result.stderr == ""
    assert pages_text(Path("out/report")) == (
        "一、总则\n（１）第一项：\nＡＢＣ１２３。\n（２）第二项。\n正文ＰＭ２．５。\n二、分则"
    )


def test_traditional_chinese_is_imported_with_a_warning(here: Path, hangzhou_text: str) -> None:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(hangzhou_text)
    result = run_import("report.txt", traditional)
    assert result.exit_code == 0
    assert result.stderr == (
        "report.txt:1:14: warning: the text looks like Traditional Chinese (1922 of 5298 Chinese "
        "characters have a different Simplified form); the source language of a report is "
        "zh-Hans\n"
        "    杭州市教育局2020年工作總結\n"
        "                          ^\n"
        "  hint: convert it to Simplified Chinese and import that: opencc -c t2s -i report.txt "
        "-o report-zh-Hans.txt (the zh-Hant edition is generated from the Simplified text)\n"
    )


def test_big5_from_taiwan_or_hong_kong_is_read_as_big5_not_as_gb18030_mojibake(
    here: Path, hangzhou_text: str
) -> None:
    import opencc

    traditional = opencc.OpenCC("s2tw").convert(hangzhou_text)
    data = traditional.encode("cp950")
    data.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    result = run_import("report.txt", data)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[:2] == [
        "report.txt: read as BIG5",
        "report.txt:1:14: warning: the text looks like Traditional Chinese (1914 of 5298 Chinese "
        "characters have a different Simplified form); the source language of a report is zh-Hans",
    ]
    assert pages_text(Path("out/report")).startswith("一、加強黨的領導")


def test_a_damaged_gb18030_file_is_located_where_gb18030_fails(here: Path) -> None:
    data = (TITLE + "一、总则\n正文第一段。\n").encode("gb18030") + b"\x81\x20\n"
    assert_refused(
        run_import("report.txt", data),
        "report.txt:4:1: byte 0x81 (byte 47 of the file) cannot be read as UTF-8, GB18030 or "
        "Big5\n"
        "    � \n"
        "    ^\n"
        "  hint: save the report as UTF-8 text and import it again\n",
    )


def test_a_few_traditional_names_are_no_reason_to_warn(here: Path) -> None:
    result = run_import(
        "report.txt", TITLE + "一、总则\n與會代表參觀了臺灣館。" + "正文内容。" * 20 + "\n"
    )
    assert result.stderr == ""


def test_a_ragged_table_is_padded_with_a_warning(here: Path) -> None:
    result = run_import("report.txt", TITLE + "一、总则\n表头一\t表头二\t表头三\n甲\t乙\n")
    assert result.stderr == (
        "report.txt:4:1: warning: this table row has 2 cells, the widest row has 3\n"
        "    甲 乙\n"
        "    ^\n"
        "  hint: separate every cell by one TAB; the missing cells are imported empty\n"
    )
    page = Path("out/report/zh-Hans/01-zongze.md").read_text(encoding="utf-8")
    assert page == (
        "# 一、总则\n\n| 表头一 | 表头二 | 表头三 |\n| --- | --- | --- |\n| 甲 | 乙 |  |\n"
    )


def test_a_numbered_line_without_a_heading_sentence(here: Path) -> None:
    long_line = "二、" + "很长的没有句号的编号行，" * 10
    result = run_import("report.txt", TITLE + "一、总则\n正文。\n" + long_line + "\n")
    assert result.stderr == (
        "report.txt:4:1: warning: this numbered line has no short heading (no 。 or ： in its "
        "first 60 characters); it is kept as a paragraph\n"
        "    二、很长的没有句号的编号行，很长的没有句号的编号行，很长的没有句号的编号…\n"
        "    ^\n"
        "  hint: if it opens a section, end the heading with 。 or put it on a line of its own\n"
    )
    assert pages_text(Path("out/report")).endswith(long_line)


def test_a_publisher_and_year_that_cannot_be_read_are_asked_for(here: Path) -> None:
    assert_refused(
        run_import("report.txt", "工作总结\n一、总则\n正文。\n"),
        "report.txt:1: cannot tell which organisation published the report: the title, "
        "subtitle, speaker's line, signature and page record name none\n"
        "    工作总结\n"
        "  hint: give it: report-site import report.txt --organisation NAME (or make import "
        "FILE=report.txt ORGANISATION=NAME)\n"
        "report.txt:1: cannot tell the report's year: the title, subtitle and the page's date "
        "give none\n"
        "    工作总结\n"
        "  hint: give it: report-site import report.txt --year YYYY (or make import "
        "FILE=report.txt YEAR=YYYY)\n"
        "2 problems found.\n",
    )


def test_publisher_and_year_given_on_the_command_line(here: Path) -> None:
    Path("report.txt").write_text("工作总结\n一、总则\n正文。\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["import", "report.txt", "--out", "out", "--organisation", "某县教育局", "--year", "2021"],
    )
    assert result.exit_code == 0, result.output
    meta = yaml.safe_load(Path("out/report/report.yml").read_text(encoding="utf-8"))
    assert (meta["organisation"], meta["year"]) == ("某县教育局", 2021)
    load_site_with(Path("out"))  # what import writes, the loader takes


def load_site_with(content: Path) -> None:
    (content / "site.yml").write_text("site_url: https://example.org/\n", encoding="utf-8")
    load_site(content)


# --- text that looks like markup stays text ------------------------------------------------


def test_markup_characters_import_as_text(here: Path) -> None:
    lines = [
        "# 不是标题",
        "> 不是引用",
        "- 不是列表",
        "+ 也不是",
        "1) 不是列表",
        "| a | b |",
        "--- 不是分隔线",
        "*强调* _下划_ <b>粗</b> &amp; &copy [1] `代码` {#id} ~删~ !",
        "\\ 反斜杠 \\* 和 \\\\",
        ": 不是定义",
        "=== 不是标题下划线",
    ]
    result = run_import("report.txt", TITLE + "一、总则\n" + "。\n".join(lines) + "。\n")
    assert result.exit_code == 0, result.output
    assert pages_text(Path("out/report")) == "一、总则\n" + "。\n".join(lines) + "。"


def test_lines_that_look_like_a_list_after_a_heading(here: Path) -> None:
    result = run_import("report.txt", TITLE + "一、总则\n2025. 年份开头的一行。\n")
    assert result.stderr == ""
    assert pages_text(Path("out/report")) == "一、总则\n2025. 年份开头的一行。"


def test_bom_in_mid_text_is_not_mistaken_for_an_encoding(here: Path) -> None:
    data = TITLE.encode() + "一、总则\n正文".encode() + codecs.BOM_UTF8 + "。\n".encode()
    result = run_import("report.txt", data)
    assert result.exit_code == 0
    assert "U+FEFF BYTE ORDER MARK" in result.stderr


def test_columns_count_in_the_file_even_after_invisible_characters(here: Path) -> None:
    result = run_import("report.txt", TITLE + "一、甲\n正文。\n\u200b\u200b三、丙\n正文。\n")
    assert result.stderr.splitlines()[-4:] == [
        "report.txt:4:3: warning: numbering skips 二、: 一、 (line 2) is followed by 三、",
        "    ◌◌三、丙",
        "      ^",
        "  hint: restore the missing item, or renumber this one 二、",
    ]


def test_an_unreadable_file_is_reported_with_the_errors_before_it(here: Path) -> None:
    Path("out", "report").mkdir(parents=True)
    result = run_import("report.txt", b"")
    assert result.exit_code == 1
    assert result.stderr == (
        "out/report: this report folder already exists\n"
        "  hint: editors own it: move it away first, or import under another name with "
        "--slug NAME\n"
        "report.txt: the file is empty\n"
        "  hint: export the report's text into this file first\n"
        "2 problems found.\n"
    )


def test_a_year_no_report_can_be_about(here: Path) -> None:
    Path("report.txt").write_text("工作总结\n一、总则\n正文。\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["import", "report.txt", "--out", "out", "--organisation", "某局", "--year", "1800"]
    )
    assert_refused(
        result,
        "--year: 1800 is not a year a report can be about\n  hint: give a year from 1949 to 2100\n",
    )
