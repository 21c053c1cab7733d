"""Scoring analyses against `dateline-gold/1` hand annotations."""
