"""The translation memory's regeneration rules, as scenarios (msgmerge semantics)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.editions import State
from generator.errors import Loc
from generator.model import Segment
from generator.tm import store


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
