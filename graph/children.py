"""Child processes that end with their parent.

A worker forked by a build or a query keeps running when its parent is killed outright (kill -9,
the OOM killer): nothing in the parent runs to stop it. On Linux the kernel can send the child a
signal when the thread that forked it dies (prctl PR_SET_PDEATHSIG), which is the only way that
also covers SIGKILL; the child then checks that the parent it was forked from is still there, as
the parent may have died before the request was made. Elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to kill this process (SIGKILL) when its parent dies; called in the child.

    `parent`: the process id of the parent as the parent knew it, to notice that it died already.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # orphaned already: the parent died before the request was made
