"""The pages every public-sector service has: accessibility, privacy, cookies, help, contact,
a glossary of the blueprint's words, and a feedback form."""
