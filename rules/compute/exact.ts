/**
 * Exact decimal arithmetic for money and hours. Compliance cost multiplies decimal hours (1,5 giờ)
 * by whole đồng and by yearly counts; floating point would drift by fractions of a đồng and make a
 * report disagree with a reviewer's hand computation. An Exact is units / 10^scale, in BigInt.
 */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/**
 * The exact decimal a JSON number stands for: 0.1 is one tenth, not the nearest binary fraction.
 * Uses the number's shortest round-trip text, which is what the JSON file said.
 */
export function exact(n: number | bigint): Exact {
  if (typeof n === 'bigint') return { units: n, scale: 0 };
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(n));
  if (!m) throw new RangeError(`cannot read ${n} as a decimal`);
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  let digits = whole! + fraction;
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  return { units: BigInt(sign + digits), scale };
}

function aligned(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function add(a: Exact, b: Exact): Exact {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export function sub(a: Exact, b: Exact): Exact {
  const [x, y, scale] = aligned(a, b);
  return { units: x - y, scale };
}

export function mul(a: Exact, b: Exact): Exact {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function sum(values: readonly Exact[]): Exact {
  return values.reduce(add, ZERO);
}

export const ZERO: Exact = { units: 0n, scale: 0 };

/**
 * Integer division rounded half away from zero (2,5 → 3; −2,5 → −3), the rule of Excel's ROUND,
 * which reviewers use when they check a plan by hand.
 */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Rounds to `digits` decimals, half away from zero. */
export function round(a: Exact, digits = 0): Exact {
  if (a.scale <= digits) return a;
  return { units: divRound(a.units, pow10(a.scale - digits)), scale: digits };
}

/** Whole đồng, rounded half away from zero. */
export function toWhole(a: Exact): bigint {
  return round(a, 0).units;
}

/** The nearest JavaScript number (exact for whole đồng below 2^53 and short decimals). */
export function toNumber(a: Exact): number {
  return Number(toText(a));
}

/** Plain decimal text without exponent or trailing zeros: 1234.5. */
export function toText(a: Exact): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * part / whole × 100, rounded half away from zero to `digits` decimals, computed exactly
 * (1,652 / 2,306 → 71.64). Undefined when whole is zero: a cut of nothing has no percent.
 */
export function percent(part: Exact | bigint | number, whole: Exact | bigint | number, digits = 2): number | undefined {
  const p = typeof part === 'object' ? part : exact(part);
  const w = typeof whole === 'object' ? whole : exact(whole);
  if (w.units === 0n) return undefined;
  const [x, y] = aligned(p, w);
  return Number(toText({ units: divRound(x * 100n * pow10(digits), y), scale: digits }));
}

/** A whole-đồng BigInt as a JavaScript number, refusing amounts that a number cannot hold exactly. */
export function safeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} of ${value} đồng is too large to report exactly.`);
  return n;
}
