type("X", 5, {})
