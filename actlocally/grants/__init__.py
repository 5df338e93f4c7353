"""The community budget: funding rounds a partnership runs through participatory grant making."""
