"""Results out: every format cjm writes, and the terminal it writes them to. Nothing below this package prints
or chooses a format."""
