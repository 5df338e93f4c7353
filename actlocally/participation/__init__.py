"""Taking part without an account: short-lived codes, device tokens, rate limits on guessing,
consent to a notice, and the erasure of the names guests type. Symposia use it now;
consultations, panels and the community budget's resident panel reuse it. The API is
`services` (writes) and `selectors` (reads); `models` holds the abstract bases a guest-taking
feature builds its own tables on. See docs/adr/0009."""
