"""Comparing two reports: the screen, its two columns, and the picker for side B."""
