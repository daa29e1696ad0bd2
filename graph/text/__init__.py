"""Text stage: matching keys with an offset map back to the original, tokens and sentences."""

from graph.text.fold import Folded, fold, fold_key
from graph.text.sentences import split_sentences
from graph.text.tokenize import Token, tokenize

__all__ = ["Folded", "fold", "fold_key", "Token", "tokenize", "split_sentences"]
