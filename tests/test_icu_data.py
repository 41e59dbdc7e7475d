"""installer/icu_data.py: which ICU data items stay, and the trimmed library built from this venv's
PySide6 wheel, loaded into a real Qt in place of the wheel's one (collation, time-zone names,
legacy encodings answer as before)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "installer" / "icu_data.py"
spec = importlib.util.spec_from_file_location("icu_data", SCRIPT)
assert spec and spec.loader
icu_data = importlib.util.module_from_spec(spec)
sys.modules["icu_data"] = icu_data
spec.loader.exec_module(icu_data)


def test_kept_are_chinese_english_root_and_the_shared_data() -> None:
    items = {
        name: 1000
        for name in (
            "root.res",
            "zh.res",
            "zh_Hans_CN.res",
            "en_US_POSIX.res",
            "res_index.res",
            "pool.res",
            "supplementalData.res",
            "zoneinfo64.res",
            "unames.icu",
            "nfkc.nrm",
            "coll/ucadata.icu",
            "coll/zh.res",
            "coll/root.res",
            "zone/zh_Hant_TW.res",
            "curr/pool.res",
            "unit/en.res",
        )
    }
    choice = icu_data.choose(items)
    assert choice.kept == set(items)
    assert not choice.dropped


def test_dropped_are_other_languages_break_iterators_and_foreign_tables() -> None:
    items = {
        "fr.res": 1000,
        "yue.res": 1000,
        "ja_JP.res": 1000,
        "coll/ja.res": 1000,
        "zone/de_CH.res": 1000,
        "brkitr/root.res": 1000,
        "brkitr/cjdict.dict": 2_000_000,
        "translit/root.res": 1000,
        "ibm-943_P15A-2003.cnv": 180_000,  # Shift-JIS
        "ibm-1373_P100-2002.cnv": 120_000,  # Big5 (Taiwan)
    }
    choice = icu_data.choose(items)
    assert choice.dropped == set(items)


def test_converters_small_and_mainland_chinese_stay() -> None:
    items = {
        "ibm-5348_P100-1997.cnv": 3_000,  # windows-1252: single byte, small
        "gb18030.cnv": 230_000,
        "windows-936-2000.cnv": 100_000,
        "ibm-1386_P100-2001.cnv": 120_000,
        "euc-tw-2014.cnv": 540_000,
    }
    choice = icu_data.choose(items)
    assert choice.kept == set(items) - {"euc-tw-2014.cnv"}


def _qt_lib() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


TOOLS = ("icupkg", "genccode", "nm", "cc")
needs_tools = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or any(shutil.which(t) is None and shutil.which(t, path="/usr/sbin") is None for t in TOOLS),
    reason="the wheel's ICU (Linux); icu-devtools, binutils and a C compiler",
)


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icu") / "out"
    assert icu_data.main([str(_qt_lib()), str(out)]) == 0
    return out


def _items(lib: Path, work: Path) -> set[str]:
    entry = icu_data.extract(lib, work / "x.dat")
    dat = work / f"{entry}l.dat"  # icupkg wants the package's own name
    (work / "x.dat").rename(dat)
    listing = subprocess.run(
        [icu_data._tool("icupkg"), "-l", str(dat)], capture_output=True, text=True, check=True
    )
    return set(listing.stdout.split())


@needs_tools
def test_trimmed_library_is_small_and_holds_the_chosen_items(trimmed: Path, tmp_path: Path) -> None:
    source = icu_data.find_library(_qt_lib())
    lib = trimmed / source.name
    info = json.loads((trimmed / icu_data.MANIFEST).read_text("utf-8"))
    assert info["source_sha256"] == icu_data.sha256(source)
    assert lib.stat().st_size < source.stat().st_size / 3
    assert info["bytes"] == lib.stat().st_size

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before, after = _items(source, tmp_path / "a"), _items(lib, tmp_path / "b")
    assert after < before
    assert len(after) == info["items_kept"]
    assert len(before - after) == info["items_removed"]
    for name in ("coll/zh.res", "coll/ucadata.icu", "zone/zh.res", "zh_Hans_CN.res", "gb18030.cnv"):
        assert name in after
    for name in ("coll/ja.res", "fr.res", "brkitr/cjdict.dict"):
        assert name in before and name not in after
    readelf = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True).stdout
    assert f"[{source.name}]" in readelf  # the same soname


PROBE = textwrap.dedent(
    """
    import functools
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    words = ["中国", "张三", "北京", "安徽", "赵六", "阿里"]
    print(sorted(words, key=functools.cmp_to_key(QCollator(china).compare)))
    zone = QTimeZone(b"Asia/Shanghai")
    print(zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, china))
    print([QStringDecoder(name).isValid() for name in ("GB18030", "GBK", "GB2312", "windows-1252")])
    print(QLocale(QLocale.Language.Turkish).toUpper("istanbul"))
    maps = open("/proc/self/maps", encoding="utf-8").read()
    print([line.split()[-1] for line in maps.splitlines() if "libicudata" in line][:1])
    """
)


def _probe(preload: Path | None) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@needs_tools
def test_qt_answers_the_same_with_the_trimmed_data(trimmed: Path) -> None:
    lib = trimmed / icu_data.find_library(_qt_lib()).name
    full, cut = _probe(None), _probe(lib)
    assert cut[-1] == repr([str(lib)])  # the trimmed library is the one loaded
    assert full[-1] != cut[-1]
    assert cut[:-1] == full[:-1]
    assert cut[0] == repr(["阿里", "安徽", "北京", "张三", "赵六", "中国"])  # pinyin order
    assert cut[1] == "中国标准时间"
    assert cut[2] == repr([True, True, True, True])
    assert cut[3] == "İSTANBUL"


def test_refuses_a_folder_without_the_data_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert icu_data.main([str(tmp_path), str(tmp_path / "out")]) == 1
    assert "libicudata" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@needs_tools
def test_refuses_a_library_without_icu_data(tmp_path: Path) -> None:
    fake = tmp_path / "libicudata.so.99"
    shutil.copy(shutil.which("ls") or "/bin/ls", fake)  # an ELF library-like file, no ICU data
    with pytest.raises(icu_data.IcuDataError, match="icudtNN_dat"):
        icu_data.extract(fake, tmp_path / "x.dat")
