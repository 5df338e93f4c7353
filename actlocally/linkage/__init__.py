"""Connected data: linkage projects that ingest synthetic agency extracts, pseudonymise and link them."""
