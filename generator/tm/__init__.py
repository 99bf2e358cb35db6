"""The translation memory: one gettext PO file per report and target language."""
