"""Machine facts printed by every benchmark, so figures are read with what produced them."""

from __future__ import annotations

import os
import platform
import sys

__all__ = ["machine_info", "machine", "print_machine"]


def machine_info() -> dict[str, str]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(fh.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem, "python": sys.version.split()[0],
            "platform": platform.platform()}


def machine(*extra: str) -> str:
    """One line: CPU, cores, memory, Python (and any library versions given)."""
    i = machine_info()
    return "; ".join([f"{i['cpu'] or 'unknown CPU'}", f"{i['cores']} cores", i["memory"], f"Python {i['python']}", *extra])


def print_machine() -> None:
    info = machine_info()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
