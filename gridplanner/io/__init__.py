"""Input and output: the project file, importers, exporters, coordinates. Qt-free."""
