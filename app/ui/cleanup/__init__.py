"""清理: the cleanup tab, its batches and their dialogs."""
