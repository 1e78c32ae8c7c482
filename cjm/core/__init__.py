"""The bottom of the house: the map model (for reading and editing), the one problem type and its codes, the
shared vocabulary of phases and channels, and safe text. Everything else may import this; it imports nothing of
cjm above it."""
