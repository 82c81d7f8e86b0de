"""Drawing: one map painter (QtGui only, no widgets) for canvas, PNG and PDF."""

from gridplanner.render._none_guard import protect_none

__all__ = ["protect_none"]

protect_none()
