"""The mandates registry (docs/mandates.md): every mandate in the store, its renewals as one history, and
what the reviewers ask of it.

- `read`: the stored mandates as `Record`s (entity, task, due, recurrence, review clause ...), the works they
  come from and the `unkg:renews` links between them, in a few bulk queries;
- `lifecycle`: chains of renewals as registry entries (first given by, renewed by, what changed, last
  renewed, current or expired), possible duplicates, the calendar of the next sessions, reporting load.
"""
