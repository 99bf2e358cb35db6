"""Building the site from parts: each report's pages of each edition are one small MkDocs
project, and so are each edition's home page and its search index. A part is built once for
the fingerprint of what it is made from and kept in `.cache/parts/`; site/ is assembled from
the parts. An edit rebuilds the parts it touches; a cold build runs the parts on every core;
a CI matrix builds groups of reports on several machines and one job assembles them.
"""
