"""The translation memory's regeneration rules, as scenarios (msgmerge semantics)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import markdown
import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.editions.english import EnglishEdition
from generator.errors import Loc, ReportSiteError
from generator.model import Segment
from generator.tm import store
from generator.tm.memory import Memory
from generator.tm.unit import UnitState as State


def seg(text: str, line: int = 1) -> Segment:
    return Segment(text, Loc("zh-Hans/01.md", line))


def catalog(*entries: tuple[str, str, str]) -> polib.POFile:
    po = store.new_catalog()
    for msgid, msgstr, comment in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=comment))
    return po


MACHINE = "machine-translated: engine=test; model=m; date=2026-11-28"
OLD = catalog(
    ("新增学位7.89万个。", "78,900 new school places were added.", MACHINE),
    (
        "杭州教育交出高分报表。",
        "Hangzhou's education delivered a high-scoring report card.",
        "reviewed-by: Editor",
    ),
    ("已删除的段落。", "A removed paragraph.", ""),
)


def test_unchanged_segments_keep_english_and_state() -> None:
    merged = store.merge(OLD, [seg("新增学位7.89万个。"), seg("杭州教育交出高分报表。")]).catalog
    first, second = merged[0], merged[1]
    assert first.msgstr == "78,900 new school places were added."
    assert store.state_of(first) is State.MACHINE
    assert store.state_of(second) is State.REVIEWED


def test_an_edited_segment_keeps_old_english_marked_outdated_with_previous_chinese() -> None:
    merged = store.merge(OLD, [seg("新增学位7.9万个。"), seg("杭州教育交出高分报表。")])
    entry = merged.catalog.find("新增学位7.9万个。")
    assert entry is not None
    assert entry.msgstr == "78,900 new school places were added."
    assert store.state_of(entry) is State.OUTDATED
    assert entry.previous_msgid == "新增学位7.89万个。"
    assert '#, fuzzy\n#| msgid "新增学位7.89万个。"' in str(merged.catalog)
    assert merged.outdated == 1


def test_a_moved_segment_keeps_its_english() -> None:
    merged = store.merge(OLD, [seg("杭州教育交出高分报表。", 9), seg("新增学位7.89万个。", 30)])
    entry = merged.catalog.find("新增学位7.89万个。")
    assert entry is not None and store.state_of(entry) is State.MACHINE
    assert entry.occurrences == [("zh-Hans/01.md", "30")]


def test_a_removed_segment_becomes_obsolete_never_deleted() -> None:
    merged = store.merge(OLD, [seg("新增学位7.89万个。"), seg("杭州教育交出高分报表。")])
    obsolete = [e for e in merged.catalog if e.obsolete]
    assert [e.msgid for e in obsolete] == ["已删除的段落。"]
    assert obsolete[0].msgstr == "A removed paragraph."
    assert '#~ msgid "已删除的段落。"' in str(merged.catalog)


def test_a_new_segment_is_added_as_missing() -> None:
    merged = store.merge(OLD, [seg("全新的内容，与旧条目毫不相似。")])
    entry = merged.catalog.find("全新的内容，与旧条目毫不相似。")
    assert entry is not None and store.state_of(entry) is State.MISSING
    assert merged.added == 1


def test_merging_twice_changes_nothing(tmp_path: Path) -> None:
    segments = [seg("新增学位7.9万个。"), seg("杭州教育交出高分报表。")]
    once = store.merge(OLD, segments).catalog
    path = tmp_path / "en.po"
    store.save(once, path)
    twice = store.merge(store.load(path), segments).catalog
    assert str(twice) == str(once)
    assert store.save(twice, path) is False


def test_load_then_save_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    store.save(
        store.merge(OLD, [seg("新增学位7.9万个。"), seg("杭州教育交出高分报表。")]).catalog, path
    )
    before = path.read_bytes()
    path.unlink()
    store.save(store.load(tmp_path / "missing.po"), path)  # a fresh catalog saves too
    path.write_bytes(before)
    store.save(store.load(path), path)
    assert path.read_bytes() == before


# Text as translators and reports write it: CJK, Latin, punctuation, quotes, backslashes,
# long lines that wrap, and the characters PO escapes.
po_text = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from('，。“”\t\\"'),
    ),
    min_size=1,
    max_size=200,
).filter(lambda t: t.strip() == t and t)


@settings(max_examples=60)
@given(st.lists(st.tuples(po_text, po_text), min_size=1, max_size=8, unique_by=lambda p: p[0]))
def test_any_memory_saves_loads_and_saves_again_byte_for_byte(
    pairs: list[tuple[str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "en.po"
        segments = [seg(msgid, line) for line, (msgid, _) in enumerate(pairs, 1)]
        po = store.merge(store.new_catalog(), segments).catalog
        for entry, (_, msgstr) in zip(po, pairs, strict=True):
            entry.msgstr = msgstr
            entry.tcomment = MACHINE
        store.save(po, path)
        first = path.read_bytes()
        reloaded = store.load(path)
        assert [(e.msgid, e.msgstr) for e in reloaded] == pairs
        store.save(reloaded, path)
        assert path.read_bytes() == first


def test_a_removed_segment_that_comes_back_gets_its_english_and_state_back() -> None:
    removed = store.merge(OLD, [seg("杭州教育交出高分报表。")]).catalog
    back = store.merge(removed, [seg("新增学位7.89万个。"), seg("杭州教育交出高分报表。")])
    entry = back.catalog.find("新增学位7.89万个。")
    assert entry is not None and not entry.obsolete
    assert entry.msgstr == "78,900 new school places were added."
    assert store.state_of(entry) is State.MACHINE
    assert [e.msgid for e in back.catalog if e.obsolete] == ["已删除的段落。"]
    assert back.added == 0


def test_an_edit_undone_makes_the_english_current_again() -> None:
    edited = store.merge(OLD, [seg("新增学位7.9万个。")]).catalog
    undone = store.merge(edited, [seg("新增学位7.89万个。")]).catalog
    entry = undone.find("新增学位7.89万个。")
    assert entry is not None
    assert store.state_of(entry) is State.MACHINE
    assert entry.previous_msgid is None and "fuzzy" not in entry.flags


def test_each_edit_gets_the_english_of_the_entry_it_is_most_like_whatever_the_order() -> None:
    old = catalog(("全市新增中小学学位7.89万个。", "78,900 new places.", MACHINE))
    near = "全市新增中小学学位7.9万个。"
    far = "全市新增幼儿园学位2.1万个，中小学学位若干。"
    for order in ([far, near], [near, far]):
        merged = store.merge(old, [seg(text) for text in order]).catalog
        assert (entry := merged.find(near)) is not None and entry.msgstr == "78,900 new places."
        assert (other := merged.find(far)) is not None and other.msgstr == ""


def test_entries_report_site_does_not_use_are_kept_whole() -> None:
    old = store.new_catalog()
    old.append(polib.POEntry(msgid="学校", msgctxt="menu", msgstr="Schools (menu)"))
    old.append(polib.POEntry(msgid="学校", msgstr="Schools"))
    old.append(
        polib.POEntry(
            msgid="%d school",
            msgid_plural="%d schools",
            msgstr_plural={0: "%d school", 1: "%d schools"},
            flags=["c-format"],
            previous_msgctxt="old",
            tcomment="reviewed-by: Editor",
        )
    )
    merged = store.merge(old, [seg("学校")]).catalog
    assert (live := merged.find("学校")) is not None and live.msgstr == "Schools"
    kept = merged.find("学校", msgctxt="menu", include_obsolete_entries=True)
    assert kept is not None and kept.obsolete and kept.msgstr == "Schools (menu)"
    plural = merged.find("%d school", include_obsolete_entries=True)
    assert plural is not None and plural.obsolete
    assert plural.msgstr_plural == {0: "%d school", 1: "%d schools"}
    assert plural.flags == ["c-format"] and plural.previous_msgctxt == "old"


chinese = st.text(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40), min_size=1, max_size=12
)


@settings(max_examples=80)
@given(
    st.lists(chinese, min_size=1, max_size=6, unique=True),
    st.lists(st.lists(chinese, max_size=6), min_size=1, max_size=4),
)
def test_no_english_is_ever_lost_however_the_chinese_changes(
    first: list[str], later: list[list[str]]
) -> None:
    po = store.merge(store.new_catalog(), [seg(t) for t in first]).catalog
    for n, entry in enumerate(po):
        entry.msgstr = f"English {n}"
    written = {entry.msgstr for entry in po}
    for texts in later:
        po = store.merge(po, [seg(t, n) for n, t in enumerate(texts, 1)]).catalog
        assert written <= {entry.msgstr for entry in po}


def load_error(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "en.po"
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    with pytest.raises(ReportSiteError) as caught:
        store.load(path)
    return caught.value.render().replace(str(tmp_path), "DIR")


HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_an_unclosed_quote_is_an_error_not_a_lost_character(tmp_path: Path) -> None:
    text = HEAD + '#: a.md:1\nmsgid "学校"\nmsgstr "Schools\n\nmsgid "老师"\nmsgstr "Teachers"\n'
    assert load_error(tmp_path, text) == (
        "DIR/en.po:7:16: the quoted string is not closed\n"
        '    msgstr "Schools\n'
        "                   ^\n"
        '  hint: add the closing " here'
    )


def test_every_syntax_error_of_a_memory_is_reported_at_once(tmp_path: Path) -> None:
    text = HEAD + 'msgid "a"\nmsgstr "b\\q"\n\nmsgid "c"\nmsgstr "d" x\n#~ msgid "e\n'
    assert load_error(tmp_path, text).splitlines()[::4] == [
        "DIR/en.po:6:10: unknown escape '\\\\q' in a quoted string",
        "DIR/en.po:9:12: text after the closing quote",
        "DIR/en.po:10:12: the quoted string is not closed",
    ]


def test_a_memory_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    text = (HEAD + 'msgid "教育"\nmsgstr "Education"\n').encode("gb18030")
    assert load_error(tmp_path, text).splitlines()[0] == "DIR/en.po:5: the PO file is not UTF-8"


def test_comments_previous_and_obsolete_entries_are_valid_po(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    path.write_text(
        HEAD + '# note\n#, fuzzy\n#| msgid "旧"\nmsgid "新"\nmsgstr "New"\n\n'
        '#~ msgid "去"\n#~ msgstr "Gone \\"quoted\\"\\n"\n'
    )
    assert [e.msgstr for e in store.load(path)] == ["New", 'Gone "quoted"\n']


def test_a_translators_line_breaks_and_numbering_stay_inside_the_passage() -> None:
    # Poedit wraps long English over lines, and an English passage may begin "3." or "#":
    # on the page it is still the one paragraph, heading or list item it translates.
    po = catalog(("三是加强保障。", "3. Third, we strengthened\nsupport\n# for schools.", MACHINE))
    text = EnglishEdition(Memory(po)).text(seg("三是加强保障。")).text
    html = markdown.markdown(text, extensions=["pymdownx.escapeall"])
    assert html == "<p>3. Third, we strengthened support # for schools.</p>"
    for start in ("!!! note", "[1]: https://example.org", "# Heading", "- item", "***"):
        text = EnglishEdition(Memory(catalog(("甲。", start, MACHINE)))).text(seg("甲。")).text
        html = markdown.markdown(text, extensions=["admonition", "pymdownx.escapeall"])
        assert html.startswith("<p>") and html.count("<p>") == 1, (start, html)
