"""Stage 2 and 3: normalised text, the Document and its layers (blocks, sentences, words), numerals."""
