"""The initiative's news: the index and the articles, with their feeds."""
