"""Resident memory of the running process, for the bench figures."""

from __future__ import annotations

from pathlib import Path


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory in MiB: VmRSS (now) or VmHWM (the peak) from /proc/self/status on Linux;
    elsewhere psutil if it happens to be installed (rss, or peak_wset on Windows), else NaN."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import psutil
    except ImportError:
        return float("nan")
    info = psutil.Process().memory_info()
    return (getattr(info, "peak_wset", 0) if field == "VmHWM" else info.rss) / 2**20
