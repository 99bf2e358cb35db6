"""report-site: an official Chinese report as a fast, searchable, trilingual static site."""

__version__ = "0.1.0"
