"""有效期与清理: the section, and its 有效期届满 tab."""
