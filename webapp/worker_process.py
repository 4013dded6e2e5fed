"""Entry point of a SPARQL worker process: `python -m unkg.webapp.worker_process STORE [MEMORY]` (see workers.py)."""
import sys

from unkg.webapp.workers import worker_main

if __name__ == "__main__":
    worker_main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
