"""The DBF encoding decision on its own, on byte strings Chinese tools produce."""

from __future__ import annotations

from gridplanner.io.importers.dbf_text import detect_encoding, looks_chinese

CHINESE = ["东风社区", "西湖社区", "幸福里小区3号楼", "朝阳区建国门外街道", "王堃家"]


def test_gbk_bytes_are_gb18030():
    assert detect_encoding([t.encode("gbk") for t in CHINESE]) == "gb18030"


def test_utf8_bytes_are_utf8_and_ascii_is_utf8():
    assert detect_encoding([t.encode("utf-8") for t in CHINESE]) == "utf-8"
    assert detect_encoding([]) == "utf-8"


def test_text_cut_mid_character_by_the_field_width_still_decides():
    cut = [t.encode("gbk")[:-1] for t in CHINESE if len(t.encode("gbk")) % 2 == 0]
    assert detect_encoding(cut) == "gb18030"
    cut_utf8 = [t.encode("utf-8")[:-1] for t in CHINESE]
    assert detect_encoding(cut_utf8) == "utf-8"


def test_latin_and_big5_are_not_mistaken_for_gbk():
    latin = [t.encode("latin-1") for t in ["Zürich Straße", "Genève", "São Paulo", "Köln Hbf"]]
    assert detect_encoding(latin) is None
    big5 = [t.encode("big5") for t in ["臺北市信義區", "東風社區", "中華路一段"]]
    assert detect_encoding(big5) is None


def test_utf8_read_as_gbk_does_not_look_chinese():
    mojibake = [t.encode("utf-8").decode("gb18030", errors="replace") for t in CHINESE]
    assert not looks_chinese(mojibake)
    assert looks_chinese(CHINESE)
