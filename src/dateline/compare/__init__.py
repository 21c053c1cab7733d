"""Cross-article analysis (story clusters, entity resolution, figure series): not built yet."""
