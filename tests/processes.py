"""A process's family, read from /proc (Linux): what the batch, serve and Ray tests check is
left running after a kill or a Ctrl-C."""

from __future__ import annotations

from pathlib import Path


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, grandchildren, …)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        out += map(int, children)
        todo += map(int, children)
    return out


def gone(pids) -> bool:
    """Whether every one of ``pids`` has exited (or is a zombie)."""
    return all(not Path(f"/proc/{p}").exists() or "Z" in Path(f"/proc/{p}/stat").read_text().split(")")[-1][:3]
               for p in pids)


def parent_cmd(pid: int) -> str:
    """The command line of ``pid``'s parent ("" when either is gone)."""
    try:
        ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        return Path(f"/proc/{ppid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, ValueError, IndexError):
        return ""
