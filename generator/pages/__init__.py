"""The site's pages: addresses, indexes, the Jinja renderer, citations and charts."""
