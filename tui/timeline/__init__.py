"""The timeline screen: one place over the years (issue 17)."""
