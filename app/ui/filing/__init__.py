"""备案: the filing register, its actions, and 审查建议 (objections)."""
