"""The site's search: a static index of every passage, built after MkDocs (index.py) with the
text rules the browser's search.js shares (text.py)."""
