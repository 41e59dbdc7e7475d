"""设置: rules, issuers and numbers, the working-day calendar, users, backups, audit log."""
