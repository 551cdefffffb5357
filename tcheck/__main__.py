"""``python -m tcheck``."""

from tcheck.cli import main

main()
