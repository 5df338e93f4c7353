"""The access audit: an append-only record of who viewed or exported whose personal data."""
