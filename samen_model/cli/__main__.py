"""``python -m samen_model.cli``: the ``samen`` command."""

import sys

from samen_model.cli.commands import main

sys.exit(main())
