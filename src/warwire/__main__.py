"""``python -m warwire``: the same as the ``warwire`` command."""

from warwire.cli import main

main()
