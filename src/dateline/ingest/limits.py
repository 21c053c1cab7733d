"""Size limits every reader applies, so that no single input can exhaust memory or time.

Inputs over a limit are refused with an error naming the limit; the batch goes on.
"""

# One document read whole (a text file, an HTML page, a feed): 10 MiB is far above any news page.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# One WARC record's payload after HTTP decompression (the gzip-bomb cap: decompressed side).
MAX_RECORD_BYTES = 10 * 1024 * 1024
# One article text handed to the analysis: spaCy's default max_length (about 160,000 words).
MAX_ARTICLE_CHARS = 1_000_000
# How much of an input is looked at to detect its format.
SNIFF_BYTES = 64 * 1024
