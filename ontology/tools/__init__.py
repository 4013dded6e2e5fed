"""Tools that mine the corpus for the phrases the SKOS vocabularies must cover (not used at run time)."""
