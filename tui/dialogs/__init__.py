"""Modal dialogs: confirm, export, help, and the list of marks."""
