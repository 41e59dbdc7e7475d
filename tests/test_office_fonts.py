"""The office's fonts: found in the font folders, chosen per role, embedded in PDFs."""

import json
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from app.config import resource_path
from app.reports import office_fonts
from app.reports.fonts import (
    BUNDLED,
    FontRole,
    FontSource,
    font_choices,
    role_fonts,
    setting_key,
    usable_families,
)
from app.reports.office_fonts import Outline
from app.services import settings
from app.services.permissions import SYSTEM
from tests import font_files
from tests.font_files import TEXT

CFF_NOTE = "方正小标宋简体（FZXBSJW.otf）为 CFF 轮廓字体，无法嵌入 PDF，已跳过。"


@pytest.fixture
def fonts_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A font folder as an office PC has it: 仿宋_GB2312 and SimHei (TrueType), 方正小标宋简体 as
    a CFF .otf, and a damaged file."""
    folder = tmp_path / "Fonts"
    (folder / "sub").mkdir(parents=True)
    font_files.truetype(folder, "simfang.ttf", "仿宋_GB2312", "FangSong_GB2312", "FangSong_GB2312")
    font_files.truetype(folder / "sub", "simhei.ttf", "SimHei", ps_name="SimHei")
    font_files.cff(folder, "FZXBSJW.otf", "方正小标宋简体", "FZXiaoBiaoSong-B05S")
    (folder / "broken.ttf").write_bytes(b"\x00\x01\x00\x00\x00\x09" + b"\xff" * 20)
    monkeypatch.setenv(office_fonts.DIRS_ENV, str(folder))
    office_fonts.rescan()
    return folder


def families(faces) -> dict[str, tuple]:
    return {f.path.name: (f.families, f.outline, f.index) for f in faces}


def test_fonts_are_found_by_every_family_name_with_their_outline_kind(fonts_dir):
    found = families(office_fonts.installed_faces())
    assert found == {
        "simfang.ttf": (("仿宋_GB2312", "FangSong_GB2312"), Outline.TRUETYPE, 0),
        "simhei.ttf": (("SimHei",), Outline.TRUETYPE, 0),
        "FZXBSJW.otf": (("方正小标宋简体", "FZXiaoBiaoSong-B05S"), Outline.CFF, 0),
    }
    assert [f.path.name for f in office_fonts.find("fangsong_gb2312")] == ["simfang.ttf"]


def test_damaged_and_foreign_files_are_skipped(tmp_path):
    good = font_files.truetype(tmp_path, "good.ttf", "黑体", "SimHei")
    data = good.read_bytes()
    (tmp_path / "cut.ttf").write_bytes(data[:300])
    (tmp_path / "huge.ttc").write_bytes(b"ttcf\x00\x01\x00\x00\xff\xff\xff\xff")
    (tmp_path / "text.otf").write_text("not a font")
    (tmp_path / "empty.ttf").write_bytes(b"")
    for name in ("cut.ttf", "huge.ttc", "text.otf", "empty.ttf"):
        assert office_fonts.read_faces(tmp_path / name) == []
    assert office_fonts.read_faces(good)[0].families == ("黑体", "SimHei")


def test_a_collection_is_searched_for_the_face_of_the_family(tmp_path, monkeypatch):
    hei = font_files.truetype(tmp_path, "hei.ttf", "黑体", "SimHei", "SimHei")
    kai = font_files.truetype(tmp_path, "kai.ttf", "楷体", "KaiTi", "KaiTi")
    folder = tmp_path / "Fonts"
    folder.mkdir()
    font_files.collection(folder, "office.ttc", hei, kai)
    monkeypatch.setenv(office_fonts.DIRS_ENV, str(folder))
    office_fonts.rescan()
    choice = font_choices()[FontRole.HEADING2]
    assert (choice.font.path.name, choice.font.family) == ("office.ttc", "楷体")
    assert [f.index for f in office_fonts.find("KaiTi")] == [1]
    pdf = _sample_pdf(tmp_path / "kai.pdf", [choice.font.pdf_name])
    assert _base_fonts(pdf) == {"KaiTi"}


def test_the_folders_setting_replaces_the_usual_list(tmp_path, monkeypatch):
    monkeypatch.setenv(office_fonts.DIRS_ENV, f"{tmp_path / 'a'}{os.pathsep}{tmp_path}")
    assert office_fonts.font_dirs() == [tmp_path / "a", tmp_path]


def test_rescan_finds_a_font_installed_later(fonts_dir):
    assert office_fonts.find("KaiTi") == []
    font_files.truetype(fonts_dir, "simkai.ttf", "楷体", "KaiTi", "KaiTi")
    assert office_fonts.find("KaiTi") == []  # kept for the process
    office_fonts.rescan()
    assert [f.path.name for f in office_fonts.find("楷体")] == ["simkai.ttf"]


def test_office_fonts_serve_their_roles_and_a_cff_font_is_skipped_with_a_note(fonts_dir):
    choices = font_choices()
    body, hei, title = choices[FontRole.BODY], choices[FontRole.HEADING1], choices[FontRole.TITLE]
    assert (body.font.family, body.font.path, body.source) == (
        "仿宋_GB2312",
        fonts_dir / "simfang.ttf",
        FontSource.OFFICE,
    )
    assert not body.font.bundled
    assert (hei.font.family, hei.font.path.name) == ("SimHei", "simhei.ttf")
    assert title.source is FontSource.BUNDLED
    assert title.font.path == resource_path("fonts", "uming.ttc")
    assert title.font.family == "方正小标宋简体"  # what a .docx names for Word
    assert title.notes == (CFF_NOTE, BUNDLED[FontRole.TITLE].note)


def test_without_office_fonts_every_role_has_its_bundled_stand_in():
    fonts = role_fonts()
    expected = {
        FontRole.TITLE: "uming.ttc",
        FontRole.BODY: "uming.ttc",
        FontRole.HEADING1: "wqy-microhei.ttc",
        FontRole.HEADING2: "ukai.ttc",
        FontRole.TABLE: "uming.ttc",
    }
    for role, file in expected.items():
        font = fonts[role]
        assert (font.path, font.family, font.bundled) == (
            resource_path("fonts", file),
            role.office_name,
            True,
        )
    assert "仿宋" in font_choices()[FontRole.BODY].notes[0]


def test_the_offices_choice_is_honoured(fonts_dir, database):
    with database.transaction() as s:
        settings.put(s, SYSTEM, setting_key(FontRole.BODY), "SimHei")
        settings.put(s, SYSTEM, setting_key(FontRole.TABLE), "FangSong_GB2312")
    with database.reading() as s:
        choices = font_choices(s)
    assert (choices[FontRole.BODY].font.path.name, choices[FontRole.BODY].source) == (
        "simhei.ttf",
        FontSource.CHOSEN,
    )
    assert choices[FontRole.TABLE].font.family == "FangSong_GB2312"


def test_a_chosen_font_this_pc_lacks_falls_back_with_a_note(fonts_dir, database):
    with database.transaction() as s:
        settings.put(s, SYSTEM, setting_key(FontRole.BODY), "方正仿宋_GBK")
        settings.put(s, SYSTEM, setting_key(FontRole.TITLE), "方正小标宋简体")
    with database.reading() as s:
        choices = font_choices(s)
    body, title = choices[FontRole.BODY], choices[FontRole.TITLE]
    assert body.font.path.name == "simfang.ttf"
    assert body.notes == ("本单位选定的“方正仿宋_GBK”本机未安装，已自动选择。",)
    assert title.notes[0] == CFF_NOTE and title.source is FontSource.BUNDLED


def test_a_file_reportlab_refuses_is_skipped_for_the_next_candidate(tmp_path, monkeypatch, caplog):
    font_files.break_head(font_files.truetype(tmp_path, "locked.ttf", "黑体", "SimHei", "Locked"))
    font_files.truetype(tmp_path, "cesi.ttf", "CESI黑体-GB2312", None, "CESIHei")
    monkeypatch.setenv(office_fonts.DIRS_ENV, str(tmp_path))
    office_fonts.rescan()
    choice = font_choices()[FontRole.HEADING1]
    assert choice.font.path.name == "cesi.ttf"
    assert choice.notes == ("黑体（locked.ttf）无法嵌入 PDF（文件损坏或字体禁止嵌入），已跳过。",)
    assert "locked.ttf" in caplog.text


def test_the_settings_list_offers_usable_families_office_ones_first(fonts_dir):
    font_files.truetype(fonts_dir, "other.ttf", "某某宋", "SomeSong", "SomeSong")
    office_fonts.rescan()
    assert usable_families(FontRole.BODY) == ["仿宋_GB2312", "SimHei", "某某宋"]
    assert usable_families(FontRole.HEADING1)[0] == "SimHei"
    assert "方正小标宋简体" not in usable_families(FontRole.TITLE)  # CFF: of no use


def test_font_settings_match_the_roles():
    for role in FontRole:
        assert settings.RULES[setting_key(role)].default == ""


def _sample_pdf(target: Path, names: list[str]) -> PdfReader:
    c = canvas.Canvas(str(target), initialFontName=names[0])  # no stray Helvetica
    for i, name in enumerate(names):
        c.setFont(name, 16)
        c.drawString(72, 700 - 30 * i, TEXT)
    c.save()
    return PdfReader(target)


def _base_fonts(pdf: PdfReader) -> set[str]:
    """BaseFont names without ReportLab's subset number; asserts every font embeds a TrueType file."""
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(re.sub(r"-\d+$", "", str(font["/BaseFont"]).split("+", 1)[-1]))
    return names


def test_a_pdf_written_with_role_fonts_embeds_them(fonts_dir, tmp_path):
    fonts = role_fonts()
    pdf = _sample_pdf(tmp_path / "roles.pdf", [fonts[role].pdf_name for role in FontRole])
    assert _base_fonts(pdf) == {"FangSong_GB2312", "SimHei", "UMingCN", "UKaiCN"}
    assert TEXT[:3] in pdf.pages[0].extract_text()


def test_the_fonts_command_lists_each_role_and_writes_the_sample(fonts_dir, tmp_path, db_url):
    from tests.test_cli import normdesk

    env = {office_fonts.DIRS_ENV: str(fonts_dir)}
    sample = tmp_path / "sample.pdf"
    result = normdesk("--db", db_url, "fonts", "--sample", str(sample), env=env)
    assert result.returncode == 0, result.stderr
    assert "正文（仿宋）：仿宋_GB2312（本机字体）" in result.stdout
    assert CFF_NOTE in result.stdout
    text = PdfReader(sample).pages[0].extract_text()
    assert "打印字体样张" in text and "simfang.ttf" in text
    result = normdesk("--db", db_url, "fonts", "--json", env=env)
    roles = {r["role"]: r for r in json.loads(result.stdout)["roles"]}
    assert (roles["heading1"]["family"], roles["title"]["source"]) == ("SimHei", "bundled")
    result = normdesk("--db", db_url, "fonts", "--sample", str(tmp_path / "x.txt"), env=env)
    assert (result.returncode, "应以 .pdf 结尾" in result.stderr) == (1, True)


def test_an_old_chinese_font_with_gb_encoded_names_is_found(tmp_path):
    """Fonts made for Windows 95-era systems store their names as GB2312 double bytes
    (platform 3, encoding 3), single-byte characters padded with a zero byte."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._n_a_m_e import makeName

    path = font_files.truetype(tmp_path, "fs_gb2312.ttf", "x", "x", "FangSongGB")
    font = TTFont(str(path))
    font["name"].names = [n for n in font["name"].names if n.nameID not in (1, 16)]
    padded = b"".join(
        ch.encode("gbk") if ord(ch) > 127 else b"\x00" + ch.encode() for ch in "仿宋_GB2312"
    )
    font["name"].names.append(makeName(padded, 1, 3, 3, 0x0804))
    font.save(str(path))
    assert office_fonts.read_faces(path)[0].families == ("仿宋_GB2312",)
