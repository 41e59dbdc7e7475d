"""Business rules. Each module takes a Session; none imports Qt."""
