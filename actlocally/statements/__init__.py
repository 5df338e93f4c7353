"""Statements of Intent: versioned documents per focus issue, and recommendations for commissioners."""
