"""Bytes of a report file → text, whatever encoding an editor's tools produced.

UTF-8 (with or without BOM), UTF-16 and UTF-32 (with BOM, and UTF-16 without one, which some
Windows tools write), GB18030 (a superset of GBK and GB2312, what Windows in mainland China
writes) and Big5 (Windows in Taiwan and Hong Kong) are accepted. Big5 bytes mostly decode as
GB18030 too, into rare characters and symbols; of the two readings the one made of the characters
Chinese text is made of wins. Line ends (CRLF, CR) become LF. Files that are not plain text at
all (a PDF, a Word document, a saved web page, an image) are refused with a message that says
what to do instead: nothing is guessed at silently.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from generator.errors import ReportSiteError
from generator.importer.findings import Findings

MAX_BYTES = 50_000_000  # a long report's text is a few hundred kilobytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of files people try to import instead of their text: (magic, what, what to do).
_NOT_TEXT = (
    (b"%PDF-", "a PDF file", "copy the report's text out of the PDF (or run pdftotext)"),
    (b"PK\x03\x04", "a Word (.docx) or other zip file", "open it and save it as plain text"),
    (b"\xd0\xcf\x11\xe0", "a Word (.doc) or other Office file", "open it and save as plain text"),
    (b"{\\rtf", "an RTF document", "open it and save it as plain text"),
    (b"\x89PNG", "a PNG image", "the importer needs the report's text, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "the importer needs the report's text, not a picture of it"),
    (b"GIF8", "a GIF image", "the importer needs the report's text, not a picture of it"),
)
_HTML = re.compile(rb"^\s*<(!doctype\s+html|html[\s>])", re.IGNORECASE)
_SAVE_AS_TEXT = "save the report as plain text (UTF-8) and import that file"


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_report(data: bytes, findings: Findings) -> DecodedText:
    """The text of `data`; raises ReportSiteError (through `findings`) when there is none."""
    if len(data) > MAX_BYTES:
        raise findings.fail(
            f"the file is {len(data) // 1_000_000} MB, too large to be a report's text",
            "check that this is the report's plain text",
        )
    for magic, what, todo in _NOT_TEXT:
        if data.startswith(magic):
            raise findings.fail(f"this is {what}, not plain text", f"{todo}; {_SAVE_AS_TEXT}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(DecodedText(_decode(data, name, findings), name), findings)
    if _HTML.match(data):
        raise findings.fail(
            "this is a web page (HTML), not plain text",
            "copy the report's text from the browser into a text editor; " + _SAVE_AS_TEXT,
        )
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            findings.warn(
                0,
                0,
                f"the file is {utf16.upper()} without a byte-order mark; it was read as such",
                "save it as UTF-8 to be sure every tool reads it the same way",
            )
            return _checked(DecodedText(_decode(data, utf16, findings), utf16), findings)
        raise findings.fail("this is not a text file (it contains NUL bytes)", _SAVE_AS_TEXT)
    try:
        return _checked(DecodedText(_newlines(data.decode("utf-8")), "utf-8"), findings)
    except UnicodeDecodeError as utf8_error:
        failures = {"UTF-8": utf8_error.start}
    readings: list[tuple[float, str, str]] = []
    for name, codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            failures[name] = error.start
            continue
        readings.append((_chinese_share(text), name, text))
    if not readings:
        raise _undecodable(data, failures, findings)
    # GB18030 unless Big5 reads clearly more like Chinese text.
    _, name, text = max(readings, key=lambda r: r[0] + (0.2 if r[1] == "gb18030" else 0))
    return _checked(DecodedText(_newlines(text), name), findings)


# (name shown, Python codec): cp950 is Big5 as Windows writes it.
_LEGACY = (("gb18030", "gb18030"), ("big5", "cp950"))
_COMMON = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间"
    "由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变"
    "四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社"
    "便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北"
    "边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团"
    "集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考"
    "落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音"
    "跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采"
    "举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普"
    "怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆"
    "习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担"
    "州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱"
    "，。、；：“”（）《》"
)


def _chinese_share(text: str) -> float:
    """The share of a text's non-ASCII characters that are among the most common characters of
    Chinese text (in either script) and its punctuation: near one for a real reading, small for
    bytes read in the wrong encoding."""
    common = _common_characters()
    wide = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    return sum(1 for ch in wide if ch in common) / max(len(wide), 1)


@functools.cache
def _common_characters() -> frozenset[str]:
    import opencc

    return frozenset(_COMMON) | frozenset(opencc.OpenCC("s2t").convert(_COMMON))


def _undecodable(data: bytes, failures: dict[str, int], findings: Findings) -> ReportSiteError:
    """Name the line and column where the encoding that read furthest fails, and show the line
    as that encoding reads it (unreadable bytes as �)."""
    name, at = max(failures.items(), key=lambda item: item[1])
    codec = dict(_LEGACY).get(name, "utf-8")
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    line = data.count(b"\n", 0, at) + 1
    col = len(data[start:at].decode(codec, "replace")) + 1
    shown = data[start : end if end >= 0 else len(data)].decode(codec, "replace")
    findings.lines = [""] * (line - 1) + [shown.rstrip("\r")]
    return findings.fail(
        f"byte 0x{data[at]:02X} (byte {at} of the file) cannot be read as UTF-8, GB18030 or Big5",
        "save the report as UTF-8 text and import it again",
        line=line,
        col=col,
    )


def _decode(data: bytes, encoding: str, findings: Findings) -> str:
    try:
        return _newlines(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise findings.fail(
            f"cannot read byte {error.start} as {encoding.upper()}: the file is damaged",
            "save the report as UTF-8 text and import it again",
        ) from None


def _checked(decoded: DecodedText, findings: Findings) -> DecodedText:
    if not decoded.text.strip():
        raise findings.fail("the file is empty", "export the report's text into this file first")
    return decoded


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when the bytes read as plausible text in that byte order (UTF-16
    written without a byte-order mark has NUL in every ASCII character and line end)."""
    if len(data) % 2:
        return None
    best: tuple[float, str | None] = (0.9, None)
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = sum(1 for ch in text if _plausible(ch)) / max(len(text), 1)
        if share > best[0]:
            best = (share, encoding)
    return best[1]


def _plausible(ch: str) -> bool:
    """Characters a Chinese report is made of: CJK, its punctuation, ASCII text, line ends."""
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\n\r\t"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2010 <= code <= 0x2027
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
