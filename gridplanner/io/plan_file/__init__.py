"""The plan file: one GeoPackage per plan, read and written atomically, with its schema version, settings and styles in gridplanner_meta. Qt-free; imports gridplanner.model and io.atomic."""
