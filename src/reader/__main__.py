"""`python -m reader` runs the same command line as the `baldreader` script."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
