"""Letters laid out as GB/T 9704-2012 (党政机关公文格式) sets them: `model` holds what a letter
says, the renderers turn it into a PDF or an editable .docx with the same layout."""
