"""`normdesk desktop-entry install|remove`: the Linux menu entry and its icons, in the user's own
data folder, valid for the desktops' parsers, and gone again after `remove`."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import desktop_entry
from app.desktop_entry import ICON_SIZES, entry_text, icon_file
from app.errors import UserError
from tests.test_cli import normdesk
from tests.test_hard_conditions import without_write_permission

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a Linux desktop's menu")


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  (keys are case-sensitive)
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def exec_argv(value: str) -> list[str]:
    """The Exec key read back as the specification says a desktop reads it: the string escapes
    (\\\\ is one backslash), then arguments split at spaces, a quoted one taken whole with \\",
    \\`, \\$ and \\\\ standing for the character, then %% as a literal %."""
    text = value.replace("\\\\", "\\")
    args: list[str] = []
    current: list[str] | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if char == " ":
            if current is not None:
                args.append("".join(current))
            current = None
        elif char == '"':
            current = current if current is not None else []
            i += 1
            while text[i] != '"':
                if text[i] == "\\" and text[i + 1] in '"`$\\':
                    i += 1
                current.append(text[i])
                i += 1
        else:
            assert char not in "\\\"'`$", f"unquoted reserved character in {value!r}"
            current = (current if current is not None else []) + [char]
        i += 1
    if current is not None:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def validate(path: Path) -> None:
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


needs_validator = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (Debian: desktop-file-utils) is not installed",
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@needs_validator
def test_install_writes_a_valid_entry_and_every_icon_into_home(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    result = normdesk("desktop-entry", "install", env={"HOME": str(home), "XDG_DATA_HOME": ""})
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    entry = share / "applications" / "normdesk.desktop"
    assert f"菜单项：{entry}" in result.stdout
    validate(entry)
    keys = read_entry(entry)
    assert keys["Type"] == "Application"
    assert keys["Name"] == keys["Name[zh_CN]"] == "规范性文件管理系统"
    assert keys["GenericName"] and keys["Comment"]
    assert keys["Icon"] == "normdesk"
    assert keys["Categories"] == "Office;"
    assert keys["Terminal"] == "false"
    assert keys["StartupWMClass"] == "NormDesk"  # Qt's WM_CLASS class: the application name
    # this very program, by absolute path (the test runs the source tree's package)
    assert exec_argv(keys["Exec"]) == [str(Path(sys.executable).absolute()), "-m", "app"]
    assert keys["TryExec"] == str(Path(sys.executable).absolute())
    for n in ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "normdesk.png"
        assert icon.read_bytes() == icon_file(n).read_bytes()
        assert mode(icon) == 0o600 and mode(icon.parent) == 0o700
    assert mode(entry) == 0o600  # the user's own files, like everything NormDesk writes
    assert list(share.rglob(".*")) == []  # no temporary file left


def test_xdg_data_home_is_where_it_goes_and_remove_undoes_it(tmp_path: Path):
    data = tmp_path / "xdg"
    env = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(data)}
    (data / "applications").mkdir(parents=True)
    other = data / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert normdesk("desktop-entry", "install", "--json", env=env).returncode == 0
    assert (data / "applications" / "normdesk.desktop").is_file()
    assert len(list(data.glob("icons/hicolor/*/apps/normdesk.png"))) == len(ICON_SIZES)
    assert not (tmp_path / "home").exists()

    result = normdesk("desktop-entry", "remove", env=env)
    assert result.returncode == 0, result.stderr
    assert f"删除 {len(ICON_SIZES) + 1} 个文件" in result.stdout
    assert [p for p in data.rglob("*") if p.is_file()] == [other]  # only ours went

    again = normdesk("desktop-entry", "remove", env=env)
    assert again.returncode == 0
    assert "没有安装" in again.stdout


def test_a_relative_xdg_data_home_is_ignored(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_a_read_only_home_is_refused_plainly(tmp_path: Path):
    prefix = without_write_permission()
    home = tmp_path / "home"
    home.mkdir(mode=0o500)
    try:
        probe = subprocess.run([*prefix, "mkdir", str(home / "probe")], capture_output=True)
        if probe.returncode == 0:
            pytest.skip("the folder stays writable here (a privilege the test cannot drop)")
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "app", "desktop-entry", "install"],
            capture_output=True,
            text=True,
            env={**os.environ, "HOME": str(home), "XDG_DATA_HOME": ""},
            timeout=120,
        )
    finally:
        home.chmod(0o700)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("错误：无法添加菜单项：")
    assert "权限" in result.stderr and str(home) in result.stderr
    assert "Traceback" not in result.stderr
    assert list(home.iterdir()) == []


@needs_validator
@pytest.mark.parametrize(
    "folder",
    ["/opt/规范性文件 管理", "/srv/a'b/$HOME/c\\d", '/home/x/100%/"q"/`w`', "/tmp/(a)&b;c#d"],
)
def test_a_program_folder_with_special_characters_round_trips(tmp_path: Path, folder: str):
    command = [f"{folder}/normdesk"]
    path = tmp_path / "normdesk.desktop"
    path.write_text(entry_text(command), encoding="utf-8")
    validate(path)
    assert exec_argv(read_entry(path)["Exec"]) == command


def test_a_program_path_with_a_line_break_is_refused():
    with pytest.raises(UserError, match="控制字符"):
        entry_text(["/opt/a\nb/normdesk"])
