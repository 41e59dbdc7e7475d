"""Entry point: `normdesk` (or `python -m app`)."""

import sys


def main() -> int:
    from app.cli import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
