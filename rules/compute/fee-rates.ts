/**
 * Temporary fee rates (registry `feeRates`): a document that, for a period, charges fees defined
 * elsewhere at a percent of their amount — Thông tư 64/2025/TT-BTC halves the lệ phí đăng ký doanh
 * nghiệp of Thông tư 47/2019/TT-BTC from 1/7/2025 to 31/12/2026. They live in the registry, not in the
 * versions, because the document amends the rate of every procedure that charges the fee, and the
 * published versions that state the base amount stay as they were published.
 */
import type { ChannelKind, Fee, LegalRef } from '../schema/types/procedure-version.generated.js';
import type { FeeRate } from '../schema/types/registry.generated.js';
import type { Registries } from '../model/catalogue.js';
import type { IsoDate } from './dates.js';

/** The rates in force on a date. */
export function feeRatesOn(registry: Pick<Registries, 'feeRates'>, date: IsoDate): FeeRate[] {
  return [...registry.feeRates.byId.values()]
    .filter((r) => r.period.from <= date && (r.period.until === undefined || r.period.until === null || date <= r.period.until))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The rate that applies to a fee on a channel, among those in force: the first by id. */
export function rateFor(fee: Fee, channel: ChannelKind | undefined, rates: readonly FeeRate[]): FeeRate | undefined {
  return rates.find((r) => {
    const to = r.appliesTo;
    if (to.kind !== fee.kind) return false;
    if (!(fee.legalBasis ?? []).some((ref) => ref.document === to.basis)) return false;
    if (to.feeIds && !to.feeIds.includes(fee.id)) return false;
    if (to.channels && (channel === undefined || !to.channels.includes(channel))) return false;
    return true;
  });
}

/** The amount at a rate, rounded half up to whole đồng (or to the cent for USD). */
export function amountAtRate(amount: number, rate: FeeRate, currency: 'VND' | 'USD'): number {
  const scale = currency === 'USD' ? 100 : 1;
  // percent has at most a few decimals: work in hundredths of a percent to stay exact.
  const hundredths = Math.round(rate.percent * 100);
  return Math.round((Math.round(amount * scale) * hundredths) / 10_000) / scale;
}

/** The citation of a rate, as a legal basis. */
export function rateBasis(rate: FeeRate): LegalRef {
  return { document: rate.document, ...(rate.article ? { article: rate.article } : {}), ...(rate.clause ? { clause: rate.clause } : {}), ...(rate.point ? { point: rate.point } : {}) };
}

/** "01/07/2025–31/12/2026". */
export function ratePeriodText(rate: FeeRate): string {
  const vi = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return rate.period.until ? `${vi(rate.period.from)}–${vi(rate.period.until)}` : `từ ${vi(rate.period.from)}`;
}
