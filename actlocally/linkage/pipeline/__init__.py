"""The linkage pipeline: standardise, pseudonymise, link with Splink, cluster, evaluate."""
