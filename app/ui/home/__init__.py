"""首页/待办: the day's open deadlines."""
