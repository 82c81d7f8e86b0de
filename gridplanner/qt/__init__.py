"""The Qt shell: main window, map canvas, tools, docks, dialogs."""
