"""Files -> document model -> provisions -> RDF graph -> validated store (docs/architecture.md)."""
