from __future__ import annotations

import sys

from gridplanner.cli import main

sys.exit(main())
