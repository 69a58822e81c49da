import sys

from soraq.cli import main

sys.exit(main())
