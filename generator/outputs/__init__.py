"""What the site offers besides its pages: data downloads, feeds and the search index."""
