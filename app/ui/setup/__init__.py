"""初始设置: the first-run wizard."""
