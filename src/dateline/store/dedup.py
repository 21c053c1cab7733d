"""Duplicates: an exact content hash, and MinHash LSH (datasketch) for near-duplicate copies.

Near-duplicates (syndicated wire copies, lightly edited reposts) share most of their 5-word
shingles. Each article's MinHash signature is cut into LSH bands as datasketch's MinHashLSH would
for the threshold; the band hashes are stored in the ``minhash_buckets`` table, so lookups need
no index in memory and survive restarts. A candidate counts only when the estimated Jaccard
similarity of the two signatures reaches the threshold.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.5
SCHEME = "affine32"  # datasketch 2 hashing scheme: 32-bit hash values
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode normalised (NFC) and runs of white space collapsed."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of lower-cased ``size``-word shingles (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Banding:
    """How a signature is cut into LSH bands: ``bands`` of ``rows`` hash values each."""

    threshold: float
    bands: int
    rows: int

    @classmethod
    def for_threshold(cls, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> Banding:
        """The band layout datasketch's MinHashLSH chooses for this threshold."""
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        return cls(threshold, lsh.b, lsh.r)


def signature(text: str) -> MinHash:
    """The MinHash of the text's shingles."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """The signature as bytes for the store."""
    return bytes(np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes())


def signature_from_bytes(data: bytes) -> MinHash:
    """A MinHash rebuilt from stored bytes."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=SCHEME)


def buckets(minhash: MinHash, banding: Banding) -> list[int]:
    """One signed 64-bit bucket key per band (band number and band values hashed together)."""
    values = np.asarray(minhash.hashvalues, dtype=np.uint32)
    keys = []
    for band in range(banding.bands):
        chunk = values[band * banding.rows : (band + 1) * banding.rows].tobytes()
        digest = hashlib.blake2b(struct.pack("<I", band) + chunk, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys
