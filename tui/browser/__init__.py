"""The browser: the report outline, the detail pane, the filter bar and its controller, the hits list."""
