"""Work around a PySide6 6.12 reference-count bug on Python 3.11.

PySide6 6.12.0 returns ``None`` from every void C++ method (``QPainter.drawPath``,
``QWidget.update``, ``QPainterPath.lineTo`` ...) without taking a reference to
it, so on Python < 3.12 (where ``None`` is not immortal) each such call lowers
``None``'s reference count by one; after some ten thousand calls Python aborts
with "Fatal Python error: none_dealloc". Python 3.12 made ``None`` immortal
(PEP 683), which hides the bug; here we do the same by hand, once, by raising
its count far beyond anything a session can drop.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def protect_none() -> None:
    """Make ``None`` effectively immortal on Python < 3.12 (no-op elsewhere)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _done = True
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += 1 << 48
    _done = True
