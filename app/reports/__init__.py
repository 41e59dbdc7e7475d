"""Printed registers and forms (ReportLab) and workbooks (openpyxl), one module per printed thing."""
