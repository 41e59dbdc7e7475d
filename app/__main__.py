"""Entry point: `normdesk` (or `python -m app`)."""

import sys


def main() -> int:
    from app.windowed import no_console, run_windowed

    if no_console():  # the windowed Windows exe: failures go to the log and a message box
        return run_windowed(sys.argv[1:])
    from app.cli import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
