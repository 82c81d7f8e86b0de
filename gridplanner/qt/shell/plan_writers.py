"""Who holds or last saved a plan file, said in the UI language.

Lock files and saved plans record the program, user, computer and time
(:func:`gridplanner.io.plan_file.lock.who_am_i`); the save conflict in the
window and the export dialog's refusal name that program with these words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "PlanFiles"


def describe_writer(holder: dict[str, object]) -> str:
    """'gridplanner import (user ann on computer pc-7, 2026-12-03 19:05:01)'."""
    program = str(holder.get("program") or "") if holder else ""
    if not program:
        program = QCoreApplication.translate(CONTEXT, "another program")
    if not holder or not (holder.get("user") or holder.get("host")):
        return program
    text = QCoreApplication.translate(CONTEXT, "%1 (user %2 on computer %3, %4)")
    return (text.replace("%1", program).replace("%2", str(holder.get("user") or "?"))
            .replace("%3", str(holder.get("host") or "?"))
            .replace("%4", str(holder.get("since") or "?")))
