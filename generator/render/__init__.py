"""Model + editions → the Markdown and configuration MkDocs builds, as a map of path → text."""
