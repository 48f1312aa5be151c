/** Numbers and amounts as Vietnamese texts write them: 2.000.000; 1,5; 01; 71,64%; 200.000 đồng; Roman numerals. */

/** Two-digit counts as administrative texts write them: 01, 05, 10, 120. */
export function twoDigits(n: number): string {
  if (!Number.isInteger(n) || n < 0) return formatNumber(n);
  return n < 10 ? `0${n}` : String(n);
}

/** Thousands with dots, decimals with a comma: 2.000.000; 1,5. */
export function formatNumber(n: number): string {
  const negative = n < 0;
  const [whole, fraction] = Math.abs(n).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (fraction ? ',' + fraction : '');
}

/** 200.000 đồng. */
export function formatVnd(amount: number): string {
  return `${formatNumber(amount)} đồng`;
}

export function formatMoney(amount: number, currency: 'VND' | 'USD' = 'VND'): string {
  return currency === 'USD' ? `${formatNumber(amount)} USD` : formatVnd(amount);
}

/** "71,64%": a percent with exactly two decimals, as simplification plans print them. */
export function formatPercent(value: number, digits = 2): string {
  const [whole, fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? ',' + fraction : ''}%`;
}

/** "1,5 giờ". */
export function formatHours(hours: number): string {
  return `${formatNumber(hours)} giờ`;
}

/** "2.306 tỷ đồng" for large sums, as plans and the press state annual compliance cost. */
export function formatBillionVnd(amount: number, digits = 2): string {
  const billions = amount / 1e9;
  const text = Number.isInteger(billions) ? formatNumber(billions) : formatNumber(Number(billions.toFixed(digits)));
  return `${text} tỷ đồng`;
}

/** Capital Roman numerals for the sections of an annex: I, II, III, IV … */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) for (; n >= value; n -= value) out += numeral;
  return out;
}
