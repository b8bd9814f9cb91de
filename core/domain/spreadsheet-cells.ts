/*
 * CSV / formula injection ("CSV Injection", OWASP): a spreadsheet treats a cell that starts with
 * `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return can hide one. Such a cell
 * is kept as text by putting Excel's own text marker, a leading apostrophe, in front of it.
 * No imports: the tab (no zod, no Node) uses this same function for its Excel export.
 */

/** The characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would take this cell as a formula. */
export const looksLikeFormula = (cell: string): boolean => FORMULA_START.test(cell);

/**
 * The cell as text a spreadsheet never evaluates: `=HYPERLINK(...)` becomes `'=HYPERLINK(...)`.
 * Idempotent (a neutralised cell starts with `'`), so a report imported and exported again is unchanged.
 */
export const neutraliseCell = (cell: string): string => (looksLikeFormula(cell) ? `'${cell}` : cell);
