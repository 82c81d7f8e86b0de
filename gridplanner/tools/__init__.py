"""Developer tools run with ``python -m gridplanner.tools.<name>`` (translations)."""
