"""合法性审核: the review queue, intake, the case form and its actions."""
