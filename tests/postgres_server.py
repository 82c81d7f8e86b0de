"""A real PostgreSQL server with PostGIS for the tests that need one.

``$GRIDPLANNER_TEST_PG_URI`` (set by ``make postgres`` and ``.ci/run``) names
a running server; otherwise a throwaway cluster is made with Debian's
``initdb``/``pg_ctl`` in a temporary folder, listening on 127.0.0.1 and a
socket there, and stopped at the end. As root the server runs as the
``postgres`` user (PostgreSQL refuses root). When neither works the caller
skips with the reason: never a mock.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ENV_URI = "GRIDPLANNER_TEST_PG_URI"


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root and runuser is missing")
    return [runuser, "-u", "postgres", "--", *cmd]


class Server:
    """A started cluster: ``uri(db)`` and ``stop()``."""

    def __init__(self, folder: Path | None = None):
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if initdb is None or pg_ctl is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql "
                               "postgresql-15-postgis-3)")
        if not any(Path(p).exists() for p in glob.glob("/usr/share/postgresql/*/extension/"
                                                         "postgis.control")):
            raise RuntimeError("PostGIS is not installed (apt-get install "
                               "postgresql-15-postgis-3)")
        # pytest's own temporary folders are private to root; the server user
        # needs a folder of its own that it can reach
        folder = Path(tempfile.mkdtemp(prefix="gridplanner-pg-")) if folder is None else folder
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self.pg_ctl = pg_ctl
        folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
            os.chmod(folder, 0o700)
        run = dict(capture_output=True, text=True, timeout=120)
        done = subprocess.run(_as_server_user([initdb, "-D", str(self.data), "-U", "postgres",
                                               "--auth=trust", "-E", "UTF8", "--no-locale"]),
                              **run)
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()[-500:]}")
        opts = f"-p {self.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        done = subprocess.run(_as_server_user([pg_ctl, "-D", str(self.data), "-o", opts, "-w",
                                               "-l", str(folder / "server.log"), "start"]),
                              **run)
        if done.returncode:
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()[-500:]}")

    def base_uri(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def stop(self) -> None:
        subprocess.run(_as_server_user([self.pg_ctl, "-D", str(self.data), "-m", "fast",
                                        "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


TEMPLATE = "gridplanner_template"


def new_database(base_uri: str) -> str:
    """A fresh database with PostGIS on the server at ``base_uri``; its URI.

    PostGIS is installed once into a template database; each new database is
    a copy of it (seconds faster than CREATE EXTENSION every time).
    """
    import psycopg

    name = "gp_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base_uri + "/postgres", autocommit=True) as con:
        have = con.execute("SELECT 1 FROM pg_database WHERE datname = %s", (TEMPLATE,)).fetchone()
        if have is None:
            con.execute(f'CREATE DATABASE "{TEMPLATE}"')
            with psycopg.connect(f"{base_uri}/{TEMPLATE}", autocommit=True) as tcon:
                tcon.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        con.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    return f"{base_uri}/{name}"


def _main(argv: list[str]) -> int:
    """``python tests/postgres_server.py start|stop``: a server for make and CI.

    ``start`` prints the base URI (``export GRIDPLANNER_TEST_PG_URI=…`` uses
    it); the cluster lives in /tmp/gridplanner-pg-make until ``stop``.
    """
    folder = Path(tempfile.gettempdir()) / "gridplanner-pg-make"
    if argv[:1] == ["start"]:
        if (folder / "uri").exists():
            print((folder / "uri").read_text().strip())
            return 0
        shutil.rmtree(folder, ignore_errors=True)
        server = Server(folder)
        (folder / "uri").write_text(server.base_uri())
        (folder / "port").write_text(str(server.port))
        print(server.base_uri())
        return 0
    if argv[:1] == ["stop"]:
        pg_ctl = _bin("pg_ctl")
        if pg_ctl and (folder / "data").exists():
            subprocess.run(_as_server_user([pg_ctl, "-D", str(folder / "data"), "-m", "fast",
                                            "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
        return 0
    print("usage: postgres_server.py start|stop", flush=True)
    return 2


if __name__ == "__main__":
    import sys

    raise SystemExit(_main(sys.argv[1:]))
