"""The gridplanner command line: opens the window, and runs every analysis
and export headless.

Exit codes are a public contract: 0 success, 1 a user or data error (one
line on stderr, no traceback), 2 bad usage. Each command group lives in its
own module with a ``register(subparsers)`` function.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Iterator, Sequence

from gridplanner import __version__
from gridplanner.errors import GridPlannerError, UnknownFieldError

#: Modules of gridplanner.cli that add subcommands, in help order.
COMMAND_MODULES = ("plan", "importing", "render", "grids", "coverage", "roster", "tallies",
                   "repair")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _Parser(
        prog="gridplanner",
        description="Plan community governance grids, service centres and walking coverage.",
    )
    parser.add_argument("--version", action="version", version=f"gridplanner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"gridplanner.cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        args_list = ["gui"]
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    from gridplanner.cli import common

    sub_command = getattr(args, f"{args.command}_command", None)
    common.PROGRAM = " ".join(w for w in ("gridplanner", args.command, sub_command) if w)
    try:
        with _warnings_as_lines(args.command):
            return int(args.func(args) or 0)
    except UnknownFieldError as exc:  # an option names a field the file lacks: bad usage
        print(f"gridplanner {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except GridPlannerError as exc:
        print(f"gridplanner {args.command}: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`gridplanner info ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"gridplanner {args.command}: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print(f"gridplanner {args.command}: out of memory", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug, not bad input: still one line unless debugging
        if os.environ.get("GRIDPLANNER_DEBUG"):
            raise
        print(f"gridplanner {args.command}: internal error: {type(exc).__name__}: "
              f"{_one_line(str(exc))} (set GRIDPLANNER_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_ERROR
    finally:
        common.end_command()  # a plan locked for update is unlocked, whatever happened


def _one_line(text: str) -> str:
    return " ".join(text.split())


#: At most this many different warnings are shown after a command.
MAX_WARNING_LINES = 5


@contextlib.contextmanager
def _warnings_as_lines(command: str) -> Iterator[None]:
    """Python warnings raised by a command (GDAL, numpy, pandas ...) become one
    line each after it succeeds — message only, no source path — and are
    dropped when it fails, so an error stays one line. Raw with GRIDPLANNER_DEBUG."""
    if os.environ.get("GRIDPLANNER_DEBUG"):
        yield
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        yield
    seen = list(dict.fromkeys(_one_line(str(w.message)) for w in caught))
    for message in seen[:MAX_WARNING_LINES]:
        print(f"gridplanner {command}: warning: {message}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
