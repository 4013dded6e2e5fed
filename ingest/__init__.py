"""Files -> document model -> provisions -> RDF graph -> validated store. See ../DESIGN notes in README."""
