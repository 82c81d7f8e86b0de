"""Analyses: pure functions over the model or plain arrays. Qt-free."""
