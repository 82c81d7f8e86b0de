"""Drawing: one map painter (QtGui only, no widgets) for canvas, PNG and PDF."""
