"""The one project exception. Library code raises it for usage and configuration errors; the CLI turns it
into a message and exit code 2. Problems *in* a map are never exceptions: they are `Problem` values."""


class CjmError(Exception):
    """A usage, configuration or input error that stops the command (exit code 2)."""


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
