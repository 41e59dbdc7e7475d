"""统计: the annual figures."""
