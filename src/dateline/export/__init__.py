"""Writing records out: the readable report, JSON Lines, CSV, Parquet and GDELT GKG 2.1."""
