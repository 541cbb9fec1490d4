package org.gradnote.kernel.export;

/**
 * A code cell chosen for export, with its directives; {@code code} is its source without directive lines (blanked,
 * so line numbers stay those of the notebook).
 */
public record SelectedCell(NotebookCell cell, Directives directives, String code) {}
