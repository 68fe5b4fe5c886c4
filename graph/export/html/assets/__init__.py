"""Static files of the HTML explorer (CSS and JavaScript inlined into every page)."""
