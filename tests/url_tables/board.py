"""Access rules and URLs of the board dashboard: the local authority's board and site staff."""

URLS = {
    "board_dashboard": (lambda w: {"code": "E08000032"}, "la_view"),
    "board_dashboard_csv": (lambda w: {"code": "E08000032"}, "la_view"),
}
