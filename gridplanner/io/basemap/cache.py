"""The disk cache of downloaded tiles, with a size limit.

Tiles live under ``<root>/<source cache id>/<z>/<x>/<y>.tile`` so a
sub-district already viewed draws without a connection. Every tile is written
to a temporary file and renamed into place (a crash never leaves half a
tile), reading a tile refreshes its time, and when the cache grows past its
limit the least recently used tiles are removed until it is back under 90 %
of it.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

DEFAULT_LIMIT_MB = 500


def default_cache_dir() -> Path:
    """Where tiles are cached: ``$GRIDPLANNER_CACHE_DIR`` or the user's cache folder."""
    if env := os.environ.get("GRIDPLANNER_CACHE_DIR"):
        return Path(env) / "tiles"
    if sys.platform == "win32" and (local := os.environ.get("LOCALAPPDATA")):
        return Path(local) / "gridplanner" / "cache" / "tiles"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gridplanner" / "tiles"


class TileCache:
    """Tiles on disk, least recently used removed past ``limit_mb``.

    Parameters
    ----------
    root
        the cache folder (created on the first write).
    limit_mb
        the size limit in megabytes (a user setting); 0 disables the cache.
    """

    def __init__(self, root: str | os.PathLike[str] | None = None,
                 limit_mb: float = DEFAULT_LIMIT_MB):
        self.root = Path(root) if root is not None else default_cache_dir()
        self.limit_bytes = int(max(limit_mb, 0) * 1024 * 1024)
        self._lock = threading.Lock()
        self._size: int | None = None

    def path(self, source: str, z: int, x: int, y: int) -> Path:
        return self.root / source / str(z) / str(x) / f"{y}.tile"

    def get(self, source: str, z: int, x: int, y: int) -> bytes | None:
        """The cached tile, or None."""
        if self.limit_bytes == 0:
            return None
        path = self.path(source, z, x, y)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            os.utime(path)
        except OSError:
            pass
        return data

    def put(self, source: str, z: int, x: int, y: int, data: bytes) -> None:
        """Store a tile (atomically); trims the cache when it is over its limit."""
        if self.limit_bytes == 0 or len(data) > self.limit_bytes:
            return
        path = self.path(source, z, x, y)
        tmp = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            old = path.stat().st_size if path.exists() else 0
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
            return  # a full or read-only disk only costs the cache
        with self._lock:
            if self._size is None:
                self._size = self._scan_size()
            else:
                self._size += len(data) - old
            if self._size > self.limit_bytes:
                self._trim()

    def size_bytes(self) -> int:
        with self._lock:
            self._size = self._scan_size()
            return self._size

    def _files(self) -> list[tuple[float, int, Path]]:
        out: list[tuple[float, int, Path]] = []
        if not self.root.is_dir():
            return out
        for path in self.root.rglob("*.tile"):
            try:
                st = path.stat()
            except OSError:
                continue
            out.append((st.st_mtime, st.st_size, path))
        return out

    def _scan_size(self) -> int:
        return sum(size for _, size, _ in self._files())

    def _trim(self) -> None:
        goal = int(self.limit_bytes * 0.9)
        files = sorted(self._files(), key=lambda f: f[0])
        size = sum(f[1] for f in files)
        for _, bytes_, path in files:
            if size <= goal:
                break
            try:
                path.unlink()
                size -= bytes_
            except OSError:
                continue
        self._size = size

    def clear(self) -> None:
        """Remove every cached tile."""
        with self._lock:
            for _, _, path in self._files():
                path.unlink(missing_ok=True)
            self._size = 0
