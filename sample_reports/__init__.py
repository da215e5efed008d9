"""The five seed reports, byte for byte as they were scraped; opened by `govread` with no path."""
