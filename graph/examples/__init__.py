"""The bundled example corpus (fictional documents written for policygraph)."""
