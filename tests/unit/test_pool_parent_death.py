"""A process pool's workers end with the process that started them, even one killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from govread import loading

PARENT = textwrap.dedent(
    """
    import os, time
    from govread.loading import spawn_pool

    if __name__ == "__main__":
        pool = spawn_pool(2)
        pids = {pool.submit(os.getpid).result() for _ in range(8)}
        for _ in range(4):
            pool.submit(time.sleep, 60)  # busy workers, as in the middle of a load
        print(" ".join(map(str, sorted(pids))), flush=True)
        time.sleep(60)
    """
)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in {"Z", "X"}  # a zombie has ended; only its parent's reaping is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_killing_the_parent_ends_its_busy_workers(tmp_path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT, "utf-8")
    parent = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the killed parent's resource tracker complains there
        text=True,
        cwd=tmp_path,
    )
    try:
        line = parent.stdout.readline() if parent.stdout else ""
        workers = [int(pid) for pid in line.split()]
        assert workers and all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=5)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived their parent"
    finally:
        parent.kill()
        for pid in workers if "workers" in locals() else []:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_where_the_system_cannot_tell_a_watch_ends_the_worker(monkeypatch) -> None:
    exits: list[int] = []

    def exit_now(code: int) -> None:
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(os, "getppid", lambda: 1)  # adopted: the parent has gone
    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(SystemExit):
        loading._watch_parent(os.getpid(), poll=0.01)
    assert exits == [1]


def test_a_worker_whose_parent_is_already_gone_ends_at_once(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "elsewhere")  # no prctl on the test process itself
    monkeypatch.setattr(os, "getppid", lambda: 1)
    monkeypatch.setattr(os, "_exit", lambda code: (_ for _ in ()).throw(SystemExit(code)))
    with pytest.raises(SystemExit):
        loading.die_with_parent(os.getpid())
