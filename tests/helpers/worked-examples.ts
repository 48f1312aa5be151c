/**
 * The worked examples of issue 5 as fixture versions: the 2026 birth-registration change, enterprise
 * registration 10 → 3 working days, and a Hà Nội variant that commits to 30% less time than the law.
 * Each test states its hand computation beside its assertions.
 */
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { spec } from './cost.js';

const KHAI_SINH_ACTIVITIES_2020 = [
  { activity: 'learn', hours: 0.5, source: 'giả định kiểm thử' },
  { activity: 'fill-forms', hours: 0.5, source: 'giả định kiểm thử' },
  { activity: 'collect-papers', hours: 1.5, label: 'Giấy chứng sinh và Căn cước', source: 'giả định kiểm thử' },
  { activity: 'travel-submit', hours: 2, source: 'giả định kiểm thử' },
];

export function birthVersions(): ProcedureVersion[] {
  const v1 = spec({
    dossier: {
      documents: [
        { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'tk-khai-sinh', legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
        { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
        { id: 'can-cuoc', name: 'Thẻ Căn cước của người đi đăng ký khai sinh', originals: 0, copies: 0, submission: 'present', legalBasis: [{ document: '60/2014/QH13', article: '2' }] },
      ],
    },
    complianceCost: {
      subjectsPerYear: { value: 1_400_000, source: 'khoảng 1,4 triệu trẻ sinh một năm (giả định kiểm thử)' },
      timesPerYear: { value: 1, source: 'một lần cho mỗi trẻ' },
      activities: KHAI_SINH_ACTIVITIES_2020,
    },
  });
  const v2 = spec({
    ...structuredClone(v1),
    version: 'v2',
    effective: { from: '2026-01-01' },
    supersedes: 'v1',
    changedBy: { legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }], summary: 'Khai thác thông tin Căn cước từ Cơ sở dữ liệu quốc gia về dân cư.' },
  });
  v2.dossier!.documents[2] = { ...v2.dossier!.documents[2]!, lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] } };
  v2.complianceCost = {
    ...v1.complianceCost!,
    activities: [
      { activity: 'learn', hours: 0.5 },
      { activity: 'fill-forms', hours: 0.5 },
      { activity: 'collect-papers', hours: 1, label: 'Giấy chứng sinh' },
      { activity: 'travel-submit', hours: 2 },
    ],
  };
  return [v1, v2];
}

function enterprise(patch: Record<string, unknown>): ProcedureVersion {
  return spec({
    code: '2.001583',
    name: { vi: 'Đăng ký thành lập công ty TNHH một thành viên' },
    field: 'thanh-lap-doanh-nghiep',
    levels: ['province'],
    subjects: [{ kind: 'enterprise' }],
    agencies: { implementing: ['so-tai-chinh-ha-noi'] },
    steps: [
      { id: 'nop', actor: 'applicant', action: 'Nộp hồ sơ đăng ký doanh nghiệp tại Phòng Đăng ký kinh doanh.' },
      { id: 'cap', actor: 'agency', action: 'Phòng Đăng ký kinh doanh xem xét và cấp Giấy chứng nhận đăng ký doanh nghiệp.' },
    ],
    channels: [{ kind: 'in-person' }],
    dossier: {
      documents: [
        { id: 'giay-de-nghi', name: 'Giấy đề nghị đăng ký doanh nghiệp', originals: 1, copies: 0 },
        { id: 'dieu-le', name: 'Điều lệ công ty', originals: 1, copies: 0 },
        { id: 'giay-to-phap-ly', name: 'Bản sao giấy tờ pháp lý của chủ sở hữu', originals: 0, copies: 1 },
      ],
    },
    fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí đăng ký doanh nghiệp', amount: 50000 }],
    forms: [],
    results: [{ name: 'Giấy chứng nhận đăng ký doanh nghiệp', validity: 'indefinite' }],
    complianceCost: {
      subjectsPerYear: { value: 150_000, source: 'khoảng 150 nghìn doanh nghiệp thành lập mới một năm (giả định kiểm thử)' },
      timesPerYear: { value: 1, source: 'một lần' },
      activities: [
        { activity: 'learn', hours: 2 },
        { activity: 'fill-forms', hours: 3 },
        { activity: 'collect-papers', hours: 4 },
        { activity: 'travel-submit', hours: 2 },
        { activity: 'travel-result', hours: 2 },
      ],
    },
    ...patch,
  });
}

export function enterpriseVersions(): ProcedureVersion[] {
  return [
    enterprise({
      effective: { from: '2006-07-01' },
      timeLimit: { value: 10, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2005/QH11', article: '15' }] },
      legalBasis: [{ document: '60/2005/QH11' }],
    }),
    enterprise({
      version: 'v2',
      effective: { from: '2021-01-01' },
      supersedes: 'v1',
      changedBy: { legalBasis: [{ document: '59/2020/QH14', article: '26' }] },
      timeLimit: { value: 3, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '59/2020/QH14', article: '26', clause: '2' }] },
      legalBasis: [{ document: '59/2020/QH14' }],
    }),
  ];
}

/** A national procedure with 10 working days, and Hà Nội's variant that commits to 7 (30% less). */
export function variantVersions(extra: Record<string, unknown> = {}): ProcedureVersion[] {
  const baseline = spec({
    code: '1.100001',
    name: { vi: 'Cấp Phiếu lý lịch tư pháp (ví dụ kiểm thử)' },
    levels: ['province'],
    channels: [{ kind: 'in-person' }, { kind: 'online', onlineService: 'partial', portals: ['national-portal'] }],
    timeLimit: { value: 10, unit: 'working-days', start: 'complete-dossier' },
    fees: [{ id: 'phi', kind: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200000 }],
  });
  const variant = spec({
    ...structuredClone(baseline),
    code: '1.100001.H01',
    variant: { baseline: { code: '1.100001', version: 'v1' }, agency: 'ubnd-ha-noi', commitment: { document: '1234/QĐ-UBND', article: '1' } },
    channels: [
      { kind: 'in-person' },
      { kind: 'online', onlineService: 'full', onlinePayment: true, portals: ['national-portal'], timeLimit: { value: 5, unit: 'working-days', start: 'complete-dossier' } },
    ],
    timeLimit: { value: 7, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '1234/QĐ-UBND', article: '1' }] },
    complianceCost: { subjectsPerYear: { value: 50_000, source: 'số phiếu cấp tại Hà Nội một năm (giả định kiểm thử)' } },
    ...extra,
  });
  return [baseline, variant];
}
