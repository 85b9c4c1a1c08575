// Summary statistics and number formatting shared by the bench sections.

/** The value at quantile `q` (0..1) of the samples, nearest-rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error("quantile of no samples");
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** 12345.6 → "12,346"; `digits` decimals for small values. */
export function formatNumber(value, digits = 0) {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Rows as aligned text: the first `left` columns left-aligned (labels), the rest right-aligned (numbers). */
export function table(rows, { left = 1, indent = "  " } = {}) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < left ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column])))
        .join("   ")
        .trimEnd(),
    )
    .map((line) => indent + line)
    .join("\n");
}
