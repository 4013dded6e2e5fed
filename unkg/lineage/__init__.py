"""Lineage: how a resolution descends from its predecessor, paragraph by paragraph (docs/lineage.md).

- `align`: paragraph alignment of two document models (unchanged / revised / moved / new / dropped);
- `redline`: the word-level changes of one aligned pair, rebuilding both texts exactly;
- `provisions`: what changed in the obligations of aligned provisions (verb, strength, who, what);
- `diff`: the `unkg diff --json` document and its redline text;
- `series`: placing resolutions in series with their immediate predecessor;
- `graph`: the lineage named graph of one resolution.
"""
