"""The browser's widgets: the report outline and the detail pane."""
