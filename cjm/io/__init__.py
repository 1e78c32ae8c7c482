"""Bytes in and out: the bounded reader, the one YAML loader (data with line marks), configuration, and the
atomic writer that never writes over an input unless asked."""
