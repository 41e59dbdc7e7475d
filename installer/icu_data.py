"""A smaller ICU data library for the Linux bundle.

The PySide6 wheels for Linux carry ICU, and its data library (libicudata.so.NN, 31 MB) holds the
locale data of every language, break-iterator dictionaries and every legacy converter. Qt uses ICU
for collation (QCollator), locale-aware case mapping, time-zone names and QStringConverter's
legacy encodings; Qt 6 breaks text with its own tables and never transliterates. NormDesk runs in
Chinese (English is Qt's fallback), so the data kept is: root, zh* and en* in every tree (locale
data, collation, currencies, languages, regions, units, zones, number rules), the supplemental and
core files, the small converters (single-byte code pages) and the mainland Chinese multi-byte ones
(GB18030, GBK/windows-936, EUC-CN). Dropped: every other locale, brkitr/, translit/, and the
Japanese, Korean, Taiwanese and EBCDIC double-byte tables (with whatever depends on them).

    python3 installer/icu_data.py QT_LIB_DIR OUT_DIR

reads QT_LIB_DIR/libicudata.so.NN and writes OUT_DIR/libicudata.so.NN (same soname and entry point)
and OUT_DIR/icu-data.json (the source's SHA-256, which the spec checks before swapping it in).
Needs icupkg and genccode (Debian: icu-devtools; the data package format does not depend on their
ICU version) and a C compiler. Stdlib only: it also runs on the host for the compat root.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "icu-data.json"
# locale-named resource bundles: "zh_Hans_CN.res", "yue.res"; not "supplementalData.res"
_LOCALE_RES = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res")
_KEPT_LOCALE = re.compile(r"(root|pool|res_index|zh|zh_[A-Za-z0-9_]+|en|en_[A-Za-z0-9_]+)\.res")
DROPPED_TREES = frozenset({"brkitr", "translit"})
# Converters at most this big are single-byte code pages (a few KB each); the big ones are CJK
# double-byte tables, of which the mainland Chinese ones stay.
SMALL_CONVERTER = 64 * 1024
_CHINESE_CONVERTER = re.compile(r"(gb18030|windows-936|ibm-1383_|ibm-1386_|ibm-5478_)")


class IcuDataError(Exception):
    pass


@dataclass(frozen=True)
class Choice:
    kept: frozenset[str]
    dropped: frozenset[str]


def choose(items: dict[str, int]) -> Choice:
    """Split the package's items (name -> size in bytes) into kept and dropped ones."""
    kept: set[str] = set()
    dropped: set[str] = set()
    for name, size in items.items():
        tree, _, base = name.rpartition("/")
        if tree in DROPPED_TREES:
            keep = False
        elif base.endswith(".cnv"):
            keep = size <= SMALL_CONVERTER or bool(_CHINESE_CONVERTER.match(base))
        elif _LOCALE_RES.fullmatch(base):
            keep = bool(_KEPT_LOCALE.fullmatch(base))
        else:
            keep = True
        (kept if keep else dropped).add(name)
    return Choice(frozenset(kept), frozenset(dropped))


def find_library(qt_lib: Path) -> Path:
    found = sorted(
        p for p in qt_lib.glob("libicudata.so.*") if re.fullmatch(r"libicudata\.so\.\d+", p.name)
    )
    if len(found) != 1:
        raise IcuDataError(f"expected one libicudata.so.NN in {qt_lib}, found {len(found)}")
    return found[0]


def _tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if path is None:
        raise IcuDataError(f"{name} not found (Debian: apt-get install icu-devtools)")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def _entry_point(lib: Path) -> tuple[str, int, int]:
    """The data symbol (icudtNN_dat), its address and size, from the dynamic symbol table."""
    out = _run(_tool("nm"), "-D", "-S", "--defined-only", str(lib))
    for line in out.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            return parts[3], int(parts[0], 16), int(parts[1], 16)
    raise IcuDataError(f"no icudtNN_dat symbol in {lib}: {out.stderr.strip()}")


def _file_span(image: bytes, address: int) -> tuple[int, int]:
    """Where a virtual address of a 64-bit little-endian ELF file lies in the file, and where its
    section ends."""
    if image[:6] != b"\x7fELF\x02\x01":
        raise IcuDataError("not a 64-bit little-endian ELF file")
    shoff, shentsize, shnum = (
        struct.unpack_from("<Q", image, 0x28)[0],
        *struct.unpack_from("<HH", image, 0x3A),
    )
    for i in range(shnum):
        _, sh_type, _, addr, offset, size = struct.unpack_from(
            "<IIQQQQ", image, shoff + i * shentsize
        )
        if sh_type == 1 and addr <= address < addr + size:  # SHT_PROGBITS
            return offset + address - addr, offset + size
    raise IcuDataError(f"address {address:#x} is in no section")


def extract(lib: Path, dest: Path) -> str:
    """Write the library's common data (.dat) to dest; return the entry point (icudtNN)."""
    symbol, address, size = _entry_point(lib)
    image = lib.read_bytes()
    start, section_end = _file_span(image, address)
    # genccode's assembly gives the symbol no size: then the data runs to the section's end
    data = image[start : start + size if size else section_end]
    if data[2:4] != b"\xda\x27":  # the ICU data header's magic
        raise IcuDataError(f"{lib}: {symbol} does not start with an ICU data header")
    dest.write_bytes(data)
    return symbol.removesuffix("_dat")


def item_sizes(dat: Path, work: Path) -> dict[str, int]:
    listing = _run(_tool("icupkg"), "-l", str(dat))
    if listing.returncode != 0:
        raise IcuDataError(f"icupkg -l: {listing.stderr.strip()}")
    names = listing.stdout.split()
    (work / "all.txt").write_text("\n".join(names) + "\n")
    items = work / "items"
    items.mkdir()
    out = _run(_tool("icupkg"), "-d", str(items), "-x", str(work / "all.txt"), str(dat))
    if out.returncode != 0:
        raise IcuDataError(f"icupkg -x: {out.stderr.strip()}")
    return {name: (items / name).stat().st_size for name in names}


def remove(dat: Path, dropped: set[str], out: Path, work: Path) -> set[str]:
    """Write dat without `dropped` and without the items that depend on them; return all removed."""
    dropped = set(dropped)
    for _ in range(10):
        (work / "drop.txt").write_text("\n".join(sorted(dropped)) + "\n")
        out.unlink(missing_ok=True)
        result = _run(_tool("icupkg"), "-r", str(work / "drop.txt"), str(dat), str(out))
        dependants = set(re.findall(r"Item (\S+) depends on missing item", result.stderr))
        if result.returncode == 0 and out.exists():
            return dropped
        if not dependants:
            raise IcuDataError(f"icupkg -r: {result.stderr.strip()}")
        dropped |= dependants
    raise IcuDataError("icupkg -r: the dependencies did not settle")


def link(dat: Path, entry: str, soname: str, out_dir: Path, work: Path) -> Path:
    gen = _run(_tool("genccode"), "-q", "-a", "gcc", "-e", entry, "-d", str(work), str(dat))
    asm = work / f"{dat.stem}_dat.S"
    if gen.returncode != 0 or not asm.exists():
        raise IcuDataError(f"genccode: {gen.stderr.strip()}")
    target = out_dir / soname
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        raise IcuDataError("no C compiler (cc) found")
    args = ["-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack"]
    built = _run(cc, *args, "-o", str(target), str(asm))
    if built.returncode != 0:
        raise IcuDataError(f"cc: {built.stderr.strip()}")
    return target


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def trim(qt_lib: Path, out_dir: Path) -> Path:
    source = find_library(qt_lib)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="icu-data-") as tmp:
        work = Path(tmp)
        entry = extract(source, work / "full.dat")
        package = f"{entry}l"  # little-endian package name, as the items are prefixed inside
        full = work / f"{package}.dat"
        (work / "full.dat").rename(full)
        sizes = item_sizes(full, work)
        choice = choose(sizes)
        trimmed = work / "trimmed" / f"{package}.dat"
        trimmed.parent.mkdir()
        removed = remove(full, set(choice.dropped), trimmed, work)
        target = link(trimmed, entry, source.name, out_dir, work)
    manifest = {
        "source": source.name,
        "source_sha256": sha256(source),
        "source_bytes": source.stat().st_size,
        "bytes": target.stat().st_size,
        "items_kept": len(sizes) - len(removed),
        "items_removed": len(removed),
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("qt_lib", type=Path, help="the PySide6 wheel's Qt/lib folder")
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        target = trim(args.qt_lib, args.out_dir)
    except (IcuDataError, OSError) as exc:
        print(f"icu_data: {exc}", file=sys.stderr)
        return 1
    info = json.loads((args.out_dir / MANIFEST).read_text("utf-8"))
    print(
        f"icu_data: {target} {info['bytes'] / 1e6:.1f} MB (was {info['source_bytes'] / 1e6:.1f} MB),"
        f" {info['items_kept']} items kept, {info['items_removed']} removed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
