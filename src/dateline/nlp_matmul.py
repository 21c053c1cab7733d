"""The neural components' matrix products through numpy's BLAS, on one thread.

thinc multiplies matrices with its bundled BLIS by default. On the machines measured here,
numpy's OpenBLAS does the same products of the small English model about 1.5 times as fast. The
sums run in another order, so a near-tie could in principle flip; on every article tested the
tagger, parser and entity recogniser gave the same output either way (``tests/test_nlp_fast.py``
compares every token's tag, head, dependency and entity on real articles). OpenBLAS starts a thread
per core by default; batch analysis already runs one worker process per core, so the BLAS is held
to one thread (more threads only made the workers compete).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.nlp import model_layers

if TYPE_CHECKING:
    from spacy.language import Language


def use_numpy_matmul(nlp: Language) -> Language:
    """Give every trainable component's model numpy-backed ops and hold the BLAS to one thread."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for node in model_layers(nlp):
        node.ops = ops
    return nlp
