"""导入台账: the ledger import wizard."""
