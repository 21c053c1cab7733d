"""The JSON API and explorer: not built yet."""
