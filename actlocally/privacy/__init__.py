"""A person's rights under UK GDPR: subject access (everything held about them, as a ZIP of JSON
and a PDF), erasure (their account gone, what they touched kept as "a former member") and the
retention schedule the nightly purge keeps. See docs/adr/0017-subject-access-erasure-retention.md."""
