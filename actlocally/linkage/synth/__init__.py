"""The synthetic agency extract generator."""
