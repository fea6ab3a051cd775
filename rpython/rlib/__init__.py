"""rpython.rlib: the library RPython programs import."""
