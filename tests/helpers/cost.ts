import { baseRegistry, baseVersion } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import type { CostEstimation, HourlyIncome, Registry } from '../../rules/schema/types/registry.generated.js';

/** 23,800 đồng an hour: the region I hourly minimum wage of NĐ 74/2024/NĐ-CP, a low-average figure. */
export const HOURLY_INCOME: HourlyIncome = {
  id: 'luong-toi-thieu-gio-vung-1-2024',
  amount: 23800,
  basis: 'Mức lương tối thiểu giờ vùng I',
  source: 'Nghị định 74/2024/NĐ-CP, Điều 3',
  date: '2024-07-01',
  default: true,
};

/** The estimation parameters the tests compute by hand (the same values as catalogue/registry/cost-estimation.json). */
export const ESTIMATION: CostEstimation = {
  id: 'test-estimate',
  default: true,
  source: 'test parameters',
  date: '2025-01-01',
  channelOrder: ['in-person', 'postal', 'online'],
  parameters: {
    learnHours: { value: 1, basis: 'learn' },
    hoursPerForm: { value: 0.5, basis: 'form' },
    hoursPerFormField: { value: 0.05, basis: 'field' },
    collectHoursPerDocument: { value: 1, basis: 'collect' },
    photocopyHoursPerCopy: { value: 0.25, basis: 'photocopy' },
    certifyHoursPerCertifiedCopy: { value: 1, basis: 'certify' },
    tripHours: { value: 2, basis: 'trip' },
    postOfficeTripHours: { value: 1, basis: 'post office' },
    photocopyCostPerCopy: { value: 1000, basis: 'photocopy cost' },
    certificationFeePerCopy: { value: 2000, basis: 'TT 226/2016/TT-BTC' },
    postageCostPerDossier: { value: 30000, basis: 'postage' },
    timesPerYear: { value: 1, basis: 'once a year' },
  },
};

export function costRegistry(patch: Record<string, unknown> = {}): Registry {
  const registry = baseRegistry();
  registry.hourlyIncomes = [HOURLY_INCOME];
  registry.costEstimations = [ESTIMATION];
  // Test targets, one per scope, in force over every date the fixtures use.
  registry.simplificationTargets = [
    { id: 'muc-tieu-kinh-doanh-kiem-thu', document: '66.7/2025/NQ-CP', scope: 'business', period: { from: '2020-01-01', until: '2030-12-31' }, costCutPercent: 20, source: 'mục tiêu kiểm thử' },
    { id: 'muc-tieu-cong-dan-kiem-thu', document: '66.7/2025/NQ-CP', scope: 'citizen', period: { from: '2020-01-01', until: '2030-12-31' }, costCutPercent: 20, source: 'mục tiêu kiểm thử' },
  ];
  registry.legalDocuments!.push(
    { number: '66.7/2025/NQ-CP', type: 'government-resolution', issuer: 'Chính phủ', title: 'Nghị quyết về cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu', issued: '2025-11-01', effective: '2026-01-01' },
    { number: '59/2020/QH14', type: 'law', issuer: 'Quốc hội', title: 'Luật Doanh nghiệp', issued: '2020-06-17', effective: '2021-01-01' },
    { number: '60/2005/QH11', type: 'law', issuer: 'Quốc hội', title: 'Luật Doanh nghiệp', issued: '2005-11-29', effective: '2006-07-01' },
    { number: '1234/QĐ-UBND', type: 'provincial-decision', issuer: 'Ủy ban nhân dân thành phố Hà Nội', title: 'Quyết định phê duyệt quy trình nội bộ rút ngắn thời hạn giải quyết', issued: '2025-03-01', effective: '2025-03-01' },
  );
  registry.fields!.push({ id: 'thanh-lap-doanh-nghiep', name: 'Thành lập và hoạt động của doanh nghiệp' });
  registry.agencies!.push({ id: 'so-tai-chinh-ha-noi', name: 'Sở Tài chính thành phố Hà Nội', level: 'province', effective: { from: '2025-03-01' } });
  return Object.keys(patch).length > 0 ? mergePatch(registry, patch) : registry;
}

/** A version from the base fixture, patched; arrays in the patch replace the base's. */
export function spec(patch: Record<string, unknown>): ProcedureVersion {
  return mergePatch(structuredClone(baseVersion()), structuredClone(patch));
}

export function costCatalogue(versions: ProcedureVersion[], registry: Registry = costRegistry()) {
  const { catalogue, diagnostics } = catalogueFromObjects({ versions, registry });
  if (diagnostics.length > 0) throw new Error(`fixture does not load: ${diagnostics.map((d) => `${d.file} ${d.pointer} ${d.message}`).join('; ')}`);
  return catalogue;
}
