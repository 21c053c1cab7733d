"""The bytes under a WARC reader, plain or gzip, that tell a clean end from a cut or a corrupt one.

warcio's own iterator reads a gzip member cut short as if it had ended, and a header cut short as
a shorter header, so a cut archive could lose a record silently. These sources raise
:class:`BrokenArchive` instead, and can skip to the next record after corruption.
"""

from __future__ import annotations

import zlib
from typing import IO

CHUNK = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"
# A gzip member header (magic and the deflate method byte): where a resync looks for the next member.
MEMBER_MAGIC = b"\x1f\x8b\x08"
RECORD_MAGIC = b"WARC/"
# The compressed bytes of the record being read are kept up to this size, so that after a corrupt
# member the search for the next one can start right after the record's first member.
MAX_RETAINED_RECORD = 16 * 1024 * 1024


class BrokenArchive(Exception):
    """The archive's bytes end or go bad inside a record.

    ``problem`` says what was found, ``expected`` what should have been there; ``resumable`` is
    False when the archive simply ends (there is nothing after the cut to resume at).
    """

    def __init__(self, problem: str, expected: str, resumable: bool) -> None:
        super().__init__(f"{problem} ({expected})")
        self.problem = problem
        self.expected = expected
        self.resumable = resumable


def truncated(problem: str) -> BrokenArchive:
    """The archive ends inside a record."""
    return BrokenArchive(problem, "expected a complete WARC record", resumable=False)


class PlainSource:
    """An uncompressed WARC: bytes with their offsets."""

    def __init__(self, stream: IO[bytes], head: bytes = b"") -> None:
        self._stream = stream
        self._buffer = bytearray(head)
        self._position = 0  # archive offset of _buffer[0]
        self._ended = False

    def record_offset(self) -> int:
        """The archive offset of the next byte (where a record starting there is found)."""
        return self._position

    def peek(self, size: int) -> bytes:
        """Up to ``size`` next bytes, not consumed (fewer only at the end)."""
        while len(self._buffer) < size and self._fill():
            pass
        return bytes(self._buffer[:size])

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left when negative); fewer only at the end."""
        while (size < 0 or len(self._buffer) < size) and self._fill():
            pass
        taken = len(self._buffer) if size < 0 else min(size, len(self._buffer))
        data = bytes(self._buffer[:taken])
        del self._buffer[:taken]
        self._position += taken
        return data

    def readline(self, size: int = -1) -> bytes:
        """One line with its newline, at most ``size`` bytes; without a newline only at the end."""
        start = 0
        while True:
            newline = self._buffer.find(b"\n", start)
            if newline >= 0:
                end = newline + 1
                break
            start = len(self._buffer)
            if 0 <= size <= len(self._buffer) or not self._fill():
                end = len(self._buffer)
                break
        return self.read(end if size < 0 else min(end, size))

    def begin_record(self) -> int:
        """Mark the start of a record; return its archive offset."""
        return self._position

    def settle(self) -> None:
        """Check that the bytes read so far are sound (nothing to check without compression)."""

    def resync(self) -> bool:
        """Skip to the next line starting with ``WARC/``; False when the archive ends first."""
        while True:
            found = self._buffer.find(b"\n" + RECORD_MAGIC)
            if found >= 0:
                self._discard(found + 1)
                return True
            self._discard(max(0, len(self._buffer) - len(RECORD_MAGIC)))
            if not self._fill():
                self._discard(len(self._buffer))
                return False

    def _discard(self, size: int) -> None:
        del self._buffer[:size]
        self._position += size

    def _fill(self) -> bool:
        """Append the next chunk to the buffer; False at the end of the archive."""
        if self._ended:
            return False
        chunk = self._stream.read(CHUNK)
        if not chunk:
            self._ended = True
            return False
        self._buffer += chunk
        return True


class GzipSource(PlainSource):
    """A WARC.gz: gzip members (usually one per record) decompressed one after the other.

    A member must end with its checksum: the archive ending before that is a truncation, a
    zlib error a corrupt member. Decompression goes a chunk at a time (bounded memory).
    """

    def __init__(self, stream: IO[bytes], head: bytes = b"") -> None:
        super().__init__(stream)
        self._input = head  # compressed bytes not yet given to the decompressor
        self._consumed = 0  # archive offset of _input[0]
        self._inflater: zlib._Decompress | None = None
        # (decompressed position, archive offset) where each member still in the buffer starts
        self._member_starts: list[tuple[int, int]] = []
        # The compressed bytes from the current record's first member on (up to a cap), so that a
        # resync after corruption can look for the next member right after that one's start.
        self._record_start = 0
        self._member_offset = 0
        self._retained = bytearray()
        self._retained_from = 0
        self._retaining = True

    def record_offset(self) -> int:
        """The archive offset of the gzip member holding the next decompressed byte (or, once
        the bytes read are used up, of the member read last)."""
        offset = self._consumed
        for position, start in self._member_starts:
            if position > self._position:
                break
            offset = start
        return offset

    def begin_record(self) -> int:
        """Mark the start of a record (where a resync goes on from); return its archive offset."""
        self.peek(1)
        self._record_start = offset = self.record_offset()
        if self._retaining and self._retained_from <= offset:
            del self._retained[: offset - self._retained_from]
            self._retained_from = offset
        else:
            self._retained, self._retained_from, self._retaining = bytearray(), self._consumed, True
        return offset

    def settle(self) -> None:
        """At the end of a member's data, read on to its checksum (raise if it is cut or wrong)."""
        while not self._buffer and self._inflater is not None:
            if not self._fill(within_member=True):
                break

    def resync(self) -> bool:
        """Skip to the next gzip member, after the current record's first one, whose data starts
        with ``WARC/``; False when none is left."""
        if self._retaining:
            window, base = self._retained + self._input, self._retained_from
        else:
            window, base = bytearray(self._input), self._consumed
        skip = max(0, self._record_start + 1 - base)
        del window[:skip]
        base += skip
        self._inflater, self._retained, self._retaining = None, bytearray(), True
        self._position += len(self._buffer)
        self._buffer.clear()
        self._member_starts.clear()
        while True:
            found = window.find(MEMBER_MAGIC)
            if found < 0:
                keep = min(len(window), len(MEMBER_MAGIC) - 1)
                base += len(window) - keep
                del window[: len(window) - keep]
                if not self._more_input(window):
                    self._input, self._consumed = b"", base + len(window)
                    return False
                continue
            base += found
            del window[:found]
            while len(window) < CHUNK and self._more_input(window):
                pass
            if _starts_a_record(bytes(window)):
                self._input, self._consumed, self._retained_from = bytes(window), base, base
                return True
            base += 1
            del window[:1]

    def _more_input(self, window: bytearray) -> bool:
        chunk = self._stream.read(CHUNK)
        window += chunk
        return bool(chunk)

    def _fill(self, within_member: bool = False) -> bool:
        """Decompress the next piece into the buffer; False at a clean end (between members, or
        with ``within_member`` at the end of the current member: the next one is not opened)."""
        while True:
            if self._inflater is None:
                if not self._input and not self._read_input():
                    return False
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._member_offset = self._consumed
                self._member_starts.append((self._position + len(self._buffer), self._consumed))
            elif not self._input and not self._read_input():
                raise truncated("truncated gzip member")
            try:
                data = self._inflater.decompress(self._input, CHUNK)
            except zlib.error as error:
                # a resync must look past this member, even if it is the first of a record
                self._record_start = max(self._record_start, self._member_offset)
                raise BrokenArchive(
                    f"corrupt gzip member: {str(error).rsplit(': ', 1)[-1]}", "expected a well-formed gzip member", resumable=True
                ) from None
            rest = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail
            used = len(self._input) - len(rest)
            self._retain(self._input[:used])
            self._consumed += used
            self._input = rest
            if self._inflater.eof:
                self._inflater = None
                if within_member and not data:
                    return False
            if data:
                self._buffer += data
                self._forget_old_member_starts()
                return True

    def _read_input(self) -> bool:
        self._input = self._stream.read(CHUNK)
        return bool(self._input)

    def _retain(self, compressed: bytes) -> None:
        if not self._retaining:
            return
        if len(self._retained) + len(compressed) > MAX_RETAINED_RECORD:
            self._retained, self._retaining = bytearray(), False  # a resync starts where reading stopped
            return
        self._retained += compressed

    def _forget_old_member_starts(self) -> None:
        while len(self._member_starts) > 1 and self._member_starts[1][0] <= self._position:
            del self._member_starts[0]


def _starts_a_record(compressed: bytes) -> bool:
    """True when ``compressed`` begins a gzip member whose data starts with ``WARC/``."""
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(compressed, len(RECORD_MAGIC))
    except zlib.error:
        return False
    return head == RECORD_MAGIC


def open_source(stream: IO[bytes]) -> PlainSource:
    """The source for ``stream``: gzip if it starts with the gzip magic, plain otherwise."""
    head = stream.read(len(GZIP_MAGIC))
    if head == GZIP_MAGIC:
        return GzipSource(stream, head)
    return PlainSource(stream, head)
