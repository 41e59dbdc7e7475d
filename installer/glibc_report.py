#!/usr/bin/env python3
"""Which glibc (and libstdc++) a bundle needs: the highest GLIBC_x.y and GLIBCXX_x.y.z version
that each ELF file in it asks for.

    python3 installer/glibc_report.py BUNDLE_DIR [--max 2.31] [--floor 2.28]

Prints a table sorted by need, the overall maximum, and the files (with the symbols) that need
more than --floor, i.e. what stands between the bundle and a system with that glibc. Exits 1 when
a file needs more than --max, or on bad input; 2 on a bug.

Standard library only (the host's python3 runs it, outside any venv). The versions are read from
each file's own ELF tables, not from readelf: the version-needed section (.gnu.version_r,
SHT_GNU_verneed) names what the file needs from which library, and .gnu.version with .dynsym tell
which symbols need it. The test suite checks the result against binutils' `readelf -V`.
"""

from __future__ import annotations

import argparse
import os
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
VERSION_RE = re.compile(r"^(GLIBC|GLIBCXX)_(\d+(?:\.\d+)*)$")


class ElfError(Exception):
    """The file starts like an ELF file but its tables cannot be read."""


Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def show(version: Version | None) -> str:
    return ".".join(map(str, version)) if version else "-"


@dataclass
class ElfNeeds:
    """What one ELF file needs: every version name per library (as readelf -V lists them) and,
    per needed version, the undefined symbols bound to it."""

    needed: dict[str, set[str]] = field(default_factory=dict)
    symbols: dict[str, set[str]] = field(default_factory=dict)

    def highest(self, prefix: str) -> Version | None:
        versions = [
            parse_version(m.group(2))
            for names in self.needed.values()
            for name in names
            if (m := VERSION_RE.match(name)) and m.group(1) == prefix
        ]
        return max(versions, default=None)

    def names_above(self, prefix: str, floor: Version) -> list[str]:
        out = set()
        for names in self.needed.values():
            for name in names:
                m = VERSION_RE.match(name)
                if m and m.group(1) == prefix and parse_version(m.group(2)) > floor:
                    out.add(name)
        return sorted(out, key=lambda n: parse_version(n.split("_", 1)[1]))


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def read_needs(path: Path) -> ElfNeeds:
    """The version-needed entries of one ELF file (32/64-bit, either byte order)."""
    data = path.read_bytes()
    try:
        return _read_needs(data)
    except (struct.error, IndexError, ValueError) as exc:
        raise ElfError(str(exc)) from exc


def _read_needs(data: bytes) -> ElfNeeds:
    if data[:4] != b"\x7fELF":
        raise ElfError("not an ELF file")
    elf_class, byte_order = data[4], data[5]
    if elf_class not in (1, 2) or byte_order not in (1, 2):
        raise ElfError("unknown ELF class or byte order")
    is64 = elf_class == 2
    e = "<" if byte_order == 1 else ">"
    if is64:
        shoff, shentsize, shnum = (
            struct.unpack_from(e + "Q", data, 0x28)[0],
            *struct.unpack_from(e + "HH", data, 0x3A),
        )
        sh_fmt = e + "IIQQQQIIQQ"
    else:
        shoff, shentsize, shnum = (
            struct.unpack_from(e + "I", data, 0x20)[0],
            *struct.unpack_from(e + "HH", data, 0x2E),
        )
        sh_fmt = e + "IIIIIIIIII"
    if shoff == 0 or shnum == 0:
        return ElfNeeds()  # no section headers: nothing we can read (and none that we ship)
    # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, ...
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]

    def section_bytes(index: int) -> bytes:
        s = sections[index]
        return data[s[4] : s[4] + s[5]]

    def cstr(table: bytes, offset: int) -> str:
        end = table.index(b"\0", offset)
        return table[offset:end].decode("utf-8", "replace")

    needs = ElfNeeds()
    by_index: dict[int, str] = {}  # vna_other → version name, for .gnu.version
    for s in sections:
        if s[1] != SHT_GNU_VERNEED:
            continue
        strtab = section_bytes(s[6])
        offset = s[4]
        for _ in range(s[7] or 1_000_000):  # sh_info: the number of entries
            _vn_version, vn_cnt, vn_file, vn_aux, vn_next = struct.unpack_from(
                e + "HHIII", data, offset
            )
            library = cstr(strtab, vn_file)
            aux = offset + vn_aux
            for _ in range(vn_cnt):
                _hash, _flags, other, name, vna_next = struct.unpack_from(e + "IHHII", data, aux)
                version = cstr(strtab, name)
                needs.needed.setdefault(library, set()).add(version)
                by_index[other] = version
                if not vna_next:
                    break
                aux += vna_next
            if not vn_next:
                break
            offset += vn_next

    # The symbols bound to each needed version: .gnu.version runs parallel to .dynsym.
    versym = next((i for i, s in enumerate(sections) if s[1] == SHT_GNU_VERSYM), None)
    dynsym = next((i for i, s in enumerate(sections) if s[1] == SHT_DYNSYM), None)
    if by_index and versym is not None and dynsym is not None:
        symbols = section_bytes(dynsym)
        strtab = section_bytes(sections[dynsym][6])
        versions = section_bytes(versym)
        entsize = 24 if is64 else 16
        for i in range(min(len(symbols) // entsize, len(versions) // 2)):
            index = struct.unpack_from(e + "H", versions, 2 * i)[0] & 0x7FFF
            if index in by_index:
                name = struct.unpack_from(e + "I", symbols, i * entsize)[0]
                needs.symbols.setdefault(by_index[index], set()).add(cstr(strtab, name))
    return needs


@dataclass
class Row:
    path: str
    glibc: Version | None
    glibcxx: Version | None
    needs: ElfNeeds


def scan(bundle: Path) -> tuple[list[Row], list[tuple[str, str]]]:
    rows: list[Row] = []
    broken: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(bundle):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file() or not is_elf(path):
                continue
            rel = str(path.relative_to(bundle))
            try:
                needs = read_needs(path)
            except (ElfError, OSError) as exc:
                broken.append((rel, str(exc)))
                continue
            rows.append(Row(rel, needs.highest("GLIBC"), needs.highest("GLIBCXX"), needs))
    rows.sort(key=lambda r: (r.glibc or (), r.glibcxx or (), r.path), reverse=True)
    return rows, broken


def version_arg(text: str) -> Version:
    if not re.fullmatch(r"\d+(\.\d+)+", text):
        raise argparse.ArgumentTypeError(f"“{text}”不是版本号（应为 2.31 这样的形式）")
    return parse_version(text)


class ChineseParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"glibc_report: 参数有误：{message}", file=sys.stderr)
        sys.exit(1)


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="glibc_report.py",
        description="列出打包目录中每个 ELF 文件所需的最高 GLIBC / GLIBCXX 版本。",
    )
    parser.add_argument("bundle", type=Path, help="打包目录，例如 dist/normdesk-compat")
    parser.add_argument(
        "--max", type=version_arg, default=None, help="允许的最高 GLIBC 版本；超过则退出码为 1"
    )
    parser.add_argument(
        "--floor", type=version_arg, default=None, help="目标系统的 GLIBC 版本：列出超过它的文件"
    )
    args = parser.parse_args(argv)
    bundle: Path = args.bundle
    if not bundle.is_dir():
        print(f"glibc_report: 找不到目录 {bundle}", file=sys.stderr)
        return 1

    rows, broken = scan(bundle)
    if not rows:
        print(f"glibc_report: {bundle} 中没有 ELF 文件", file=sys.stderr)
        return 1

    width = max(len(r.path) for r in rows)
    print(f"{'文件':<{width - 2}}  {'GLIBC':>7}  {'GLIBCXX':>8}")
    for r in rows:
        print(f"{r.path:<{width}}  {show(r.glibc):>7}  {show(r.glibcxx):>8}")
    for rel, why in broken:
        print(f"{rel:<{width}}  无法解析：{why}")

    top = max((r.glibc for r in rows if r.glibc), default=None)
    top_cxx = max((r.glibcxx for r in rows if r.glibcxx), default=None)
    top_files = [r.path for r in rows if r.glibc == top] if top else []
    print()
    print(
        f"ELF 文件 {len(rows)} 个；所需最高 GLIBC {show(top)}（{', '.join(top_files[:3])}"
        f"{' 等' if len(top_files) > 3 else ''}），最高 GLIBCXX {show(top_cxx)}"
    )

    if args.floor is not None:
        above = [r for r in rows if r.glibc and r.glibc > args.floor]
        if above:
            print(f"需要高于 GLIBC {show(args.floor)} 的文件（{len(above)} 个）：")
            for r in above:
                for name in r.needs.names_above("GLIBC", args.floor):
                    syms = sorted(r.needs.symbols.get(name, ()))
                    shown = ", ".join(syms[:6]) + (" …" if len(syms) > 6 else "")
                    print(f"  {r.path}: {name}: {shown or '（未绑定到具体符号）'}")
        else:
            print(f"没有文件需要高于 GLIBC {show(args.floor)} 的版本")

    if args.max is not None and top and top > args.max:
        over = [r.path for r in rows if r.glibc and r.glibc > args.max]
        print(
            f"glibc_report: {len(over)} 个文件需要高于 GLIBC {show(args.max)} 的版本："
            f"{', '.join(over[:5])}{' 等' if len(over) > 5 else ''}",
            file=sys.stderr,
        )
        return 1
    if broken:
        print(f"glibc_report: {len(broken)} 个 ELF 文件无法解析", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(1)
    except Exception as exc:  # a bug: say so in one line, no traceback
        print(f"glibc_report: 内部错误（请报告）：{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(2)
