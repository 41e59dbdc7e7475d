"""installer/glibc_report.py against binutils' readelf on real ELF files: this interpreter, binaries
from /usr/bin and the venv's PySide6/shiboken libraries; and its refusals."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "installer" / "glibc_report.py"
READELF = shutil.which("readelf")
pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files: Linux only"),
    pytest.mark.skipif(READELF is None, reason="readelf (binutils) is not installed"),
]

spec = importlib.util.spec_from_file_location("glibc_report", SCRIPT)
assert spec and spec.loader
glibc_report = importlib.util.module_from_spec(spec)
sys.modules["glibc_report"] = glibc_report
spec.loader.exec_module(glibc_report)


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def sample_files() -> list[Path]:
    """Real ELF files of this machine: executables and shared libraries, C and C++."""
    files = [Path(sys.executable).resolve()]
    for name in ("ls", "readelf", "bash", "tar", "Xvfb", "pdffonts"):
        found = shutil.which(name)
        if found:
            files.append(Path(found).resolve())
    try:
        import PySide6
        import shiboken6

        qt = Path(PySide6.__file__).parent
        files += sorted((qt / "Qt" / "lib").glob("libQt6Core.so*"))[:1]
        files += sorted(qt.glob("QtCore*.so"))[:1]
        files += sorted(Path(shiboken6.__file__).parent.glob("libshiboken6*.so*"))[:1]
    except ImportError:
        pass
    files = [f for f in dict.fromkeys(files) if f.is_file() and is_elf(f)]
    assert len(files) >= 4, files
    return files


def readelf_needs(path: Path) -> dict[str, set[str]]:
    """readelf -V's version-needed section: library → version names."""
    out = subprocess.run(
        [READELF, "-V", "-W", str(path)], capture_output=True, text=True, check=True
    ).stdout
    needs: dict[str, set[str]] = {}
    section = out.split("Version needs section", 1)
    if len(section) < 2:
        return needs
    library = None
    for line in section[1].splitlines()[1:]:
        if m := re.search(r"File: (\S+)\s+Cnt:", line):
            library = m.group(1)
            needs[library] = set()
        elif (m := re.search(r"Name: (\S+)\s+Flags:", line)) and library:
            needs[library].add(m.group(1))
        elif line.strip() == "" and needs:
            break
    return needs


def readelf_symbols(path: Path) -> dict[str, set[str]]:
    """readelf --dyn-syms: the symbols bound to each needed version (name@VERSION; undefined ones,
    and an executable's copy-relocated data such as stderr@GLIBC_2.2.5). name@@VERSION would be a
    version the file defines itself."""
    out = subprocess.run(
        [READELF, "--dyn-syms", "-W", str(path)], capture_output=True, text=True, check=True
    ).stdout
    symbols: dict[str, set[str]] = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 8 and "@" in fields[7] and "@@" not in fields[7]:
            name, version = fields[7].split("@", 1)
            symbols.setdefault(version, set()).add(name)
    return symbols


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_needed_versions_match_readelf(path: Path) -> None:
    ours = glibc_report.read_needs(path)
    assert ours.needed == readelf_needs(path)
    # the symbols bound to GLIBC/GLIBCXX versions, as readelf names them
    theirs = readelf_symbols(path)
    for version, names in ours.symbols.items():
        if version.startswith("GLIBC"):
            assert names == theirs.get(version, set()), version


def test_highest_version_is_the_numeric_maximum() -> None:
    path = Path(sys.executable).resolve()
    versions = [
        tuple(map(int, name.split("_", 1)[1].split(".")))
        for names in readelf_needs(path).values()
        for name in names
        if re.fullmatch(r"GLIBC_[\d.]+", name)
    ]
    assert glibc_report.read_needs(path).highest("GLIBC") == max(versions)
    assert (2, 10) > (2, 9)  # numeric, not string, order: GLIBC_2.10 is above GLIBC_2.9


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, tuple[int, ...]]:
    """A folder with a real executable in a subfolder, a text file and a symlink."""
    exe = Path(sys.executable).resolve()
    (tmp_path / "bin").mkdir()
    shutil.copy(exe, tmp_path / "bin" / "prog")
    (tmp_path / "notes.txt").write_text("not ELF")
    (tmp_path / "link").symlink_to(tmp_path / "bin" / "prog")
    need = glibc_report.read_needs(exe).highest("GLIBC")
    assert need is not None
    return tmp_path, need


def test_report_table_floor_and_max(bundle: tuple[Path, tuple[int, ...]]) -> None:
    folder, need = bundle
    need_text = ".".join(map(str, need))
    lower = ".".join(map(str, (*need[:-1], need[-1] - 1)))
    result = run(str(folder), "--max", need_text, "--floor", lower)
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^bin/prog\s+{re.escape(need_text)}\s", result.stdout, re.M)
    assert "ELF 文件 1 个" in result.stdout  # the symlink and the text file are not counted
    assert f"所需最高 GLIBC {need_text}" in result.stdout
    # the file stands between the bundle and the lower floor, with the symbols that need it
    assert re.search(rf"^  bin/prog: GLIBC_{re.escape(need_text)}: \w", result.stdout, re.M)

    result = run(str(folder), "--floor", need_text)
    assert result.returncode == 0
    assert f"没有文件需要高于 GLIBC {need_text}" in result.stdout


def test_refuses_a_bundle_above_max(bundle: tuple[Path, tuple[int, ...]]) -> None:
    folder, need = bundle
    lower = ".".join(map(str, (*need[:-1], need[-1] - 1)))
    result = run(str(folder), "--max", lower)
    assert result.returncode == 1
    assert f"1 个文件需要高于 GLIBC {lower} 的版本：bin/prog" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_elf_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    data = Path(sys.executable).resolve().read_bytes()
    (tmp_path / "ok").write_bytes(data)
    (tmp_path / "cut").write_bytes(data[:200])  # the header survives, the tables do not
    result = run(str(tmp_path))
    assert result.returncode == 1
    assert re.search(r"^cut\s+无法解析", result.stdout, re.M)
    assert "1 个 ELF 文件无法解析" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/bundle"], "找不到目录"),
        (["--max", "two", "."], "不是版本号"),
        (["--floor", "2", "."], "不是版本号"),
    ],
)
def test_bad_input_is_refused_in_chinese(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_without_elf_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    result = run(str(tmp_path))
    assert result.returncode == 1
    assert "没有 ELF 文件" in result.stderr
