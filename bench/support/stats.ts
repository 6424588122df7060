// The few statistics the bench reports, and how it writes numbers.

export const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]
export const p95 = (values: number[]) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]
/** The `q` quantile of values sorted ascending. */
export const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
/** The p25–p75 spread of paired ratios, e.g. "0.82–0.91×". */
export function ratioSpread(ratios: number[]): string {
  const sorted = ratios.toSorted((a, b) => a - b)
  return `${pct(sorted, 0.25).toFixed(2)}–${pct(sorted, 0.75).toFixed(2)}×`
}
/** The smallest and the largest, e.g. "212–340". */
export const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`
export const ms = (value: number) => `${value.toFixed(1)} ms`
export const fine = (value: number) => `${value.toFixed(2)} ms`
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
