"""The platform's JSON API (/api/v1/) and the personal API tokens that scripts sign in with."""
