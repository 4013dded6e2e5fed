"""`python -m unkg.webapp.assets`: fetch the explorer's editor. A module of its own because the web app's
package imports `unkg.webapp.assets` before runpy would run it as a script (a RuntimeWarning)."""
from unkg.webapp.assets import main

if __name__ == "__main__":
    raise SystemExit(main())
