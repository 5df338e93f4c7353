"""Background jobs: long work runs in a worker while its page shows how far it has got."""
