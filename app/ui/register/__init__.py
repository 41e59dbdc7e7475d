"""文件登记簿: the register, a document's details, and the dialogs that change a document."""
