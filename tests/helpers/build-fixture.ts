import { baseRegistry, baseVersion } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import type { Registry } from '../../rules/schema/types/registry.generated.js';
import { lockCatalogue, makeCatalogue, versionPath, type FileContent } from './catalogue.js';

/** The base registry plus what the build fixtures cite: a provincial agency, a second field, NQ 66.7/2025 and the LLTP fee circular. */
export function buildRegistry(): Registry {
  const r = baseRegistry();
  r.legalDocuments!.push(
    { number: '66.7/2025/NQ-CP', type: 'government-resolution', issuer: 'Chính phủ', title: 'Nghị quyết về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến giấy tờ công dân', issued: '2025-11-15', effective: '2026-01-01' },
    { number: '28/2009/QH12', type: 'law', issuer: 'Quốc hội', title: 'Luật Lý lịch tư pháp', issued: '2009-06-17', effective: '2010-07-01' },
    { number: '244/2016/TT-BTC', type: 'circular', issuer: 'Bộ Tài chính', title: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp', issued: '2016-11-11', effective: '2017-01-01' },
    { number: '01/2023/QĐ-UBND', type: 'provincial-decision', issuer: 'Ủy ban nhân dân tỉnh', title: 'Quyết định bãi bỏ thủ tục hành chính', issued: '2023-11-01', effective: '2024-01-01' },
  );
  r.agencies!.push({ id: 'so-tu-phap', name: 'Sở Tư pháp', level: 'province', effective: { from: '1945-01-01' } });
  r.fields!.push({ id: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' });
  return r;
}

const LUAT_HT = (article: string, clause?: string) => [{ document: '60/2014/QH13', article, ...(clause ? { clause } : {}) }];

/** Birth registration v1 (from 2020-07-16): in person and online, conditional documents and form fields. */
export function birthV1(): ProcedureVersion {
  return mergePatch(baseVersion(), {
    channels: [
      { kind: 'in-person', where: 'Bộ phận Một cửa Ủy ban nhân dân cấp xã' },
      { kind: 'online', onlineService: 'full', portals: ['national-portal', 'vneid'], onlinePayment: true },
    ],
    facts: [
      { id: 'dungHan', type: 'boolean', label: 'Đăng ký khai sinh đúng hạn', default: true },
      { id: 'coGiayChungSinh', type: 'boolean', label: 'Có giấy chứng sinh', default: true },
    ],
    fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí đăng ký khai sinh quá hạn', amount: 8000, unit: 'hồ sơ', when: { fact: 'dungHan', equals: false }, legalBasis: [{ document: '85/2019/TT-BTC' }] }],
    dossier: {
      documents: [
        { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'tk-khai-sinh', legalBasis: LUAT_HT('16', '1') },
        { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, when: { fact: 'coGiayChungSinh', equals: true }, legalBasis: LUAT_HT('16', '1') },
        { id: 'van-ban-lam-chung', name: 'Văn bản của người làm chứng xác nhận về việc sinh', originals: 1, copies: 0, when: { fact: 'coGiayChungSinh', equals: false }, legalBasis: LUAT_HT('16', '1') },
        { id: 'can-cuoc', name: 'Thẻ Căn cước của người đi đăng ký', originals: 0, copies: 0, submission: 'present', legalBasis: LUAT_HT('16', '1') },
      ],
    },
    formFields: [
      { id: 'hoTenNguoiYeuCau', label: 'Họ, chữ đệm, tên người yêu cầu', type: 'text', required: true, maxLength: 100 },
      { id: 'soDinhDanh', label: 'Số định danh cá nhân của người yêu cầu', type: 'id-number', required: true },
      { id: 'dienThoai', label: 'Số điện thoại liên hệ', type: 'phone', required: true },
      { id: 'email', label: 'Thư điện tử', type: 'email' },
      { id: 'hoTenTre', label: 'Họ, chữ đệm, tên của trẻ', type: 'text', required: true, maxLength: 100 },
      { id: 'ngaySinh', label: 'Ngày, tháng, năm sinh của trẻ', type: 'date', required: true },
      { id: 'gioiTinh', label: 'Giới tính', type: 'enum', required: true, options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] },
      { id: 'lyDoQuaHan', label: 'Lý do đăng ký quá hạn', type: 'textarea', required: true, when: { fact: 'dungHan', equals: false } },
    ],
  });
}

/** Birth registration v2 (from 2026-01-01, NQ 66.7/2025): the Căn cước is looked up in the population database. */
export function birthV2(): ProcedureVersion {
  const v1 = birthV1();
  const docs = v1.dossier!.documents;
  return mergePatch(v1, {
    version: 'v2',
    supersedes: 'v1',
    effective: { from: '2026-01-01' },
    changedBy: { legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] },
    dossier: { documents: [docs[0], docs[1], docs[2], { ...docs[3], lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] } }] },
  });
}

/** Judicial record certificate: province level, three channels, tiered fees, a per-copy fee and a longer time in complex cases. */
export function judicialRecord(): ProcedureVersion {
  const lltp = (article: string) => [{ document: '28/2009/QH12', article }];
  return mergePatch(baseVersion(), {
    code: '2.000488',
    name: { vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', en: null },
    kind: 'not-law-delegated',
    field: 'ly-lich-tu-phap',
    levels: ['province'],
    agencies: { competent: ['so-tu-phap'], implementing: ['so-tu-phap'] },
    steps: [
      { id: 'nop', actor: 'applicant', action: 'Nộp Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp và giấy tờ kèm theo.', legalBasis: lltp('45') },
      { id: 'tra', actor: 'agency', agency: 'so-tu-phap', action: 'Sở Tư pháp tra cứu, xác minh và cấp Phiếu lý lịch tư pháp.', duration: { value: 10, unit: 'working-days' }, legalBasis: lltp('48') },
    ],
    channels: [
      { kind: 'in-person', where: 'Sở Tư pháp nơi thường trú' },
      { kind: 'online', onlineService: 'partial', portals: ['national-portal'] },
      { kind: 'postal', where: 'Qua dịch vụ bưu chính công ích đến Sở Tư pháp' },
    ],
    facts: [
      { id: 'laSinhVien', type: 'boolean', label: 'Người yêu cầu là sinh viên, học sinh', default: false },
      { id: 'soBan', type: 'integer', label: 'Số bản Phiếu lý lịch tư pháp', default: 1, minimum: 1, maximum: 20 },
      { id: 'canXacMinh', type: 'boolean', label: 'Cần xác minh về điều kiện đương nhiên được xóa án tích', default: false },
      {
        id: 'noiCuTru',
        type: 'enum',
        label: 'Nơi cư trú của người yêu cầu',
        values: [
          { value: 'trongNuoc', label: 'Trong nước' },
          { value: 'nuocNgoai', label: 'Nước ngoài' },
        ],
      },
    ],
    dossier: {
      documents: [
        { id: 'to-khai', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0, form: 'mau-03', legalBasis: lltp('45') },
        { id: 'can-cuoc', name: 'Bản chụp Thẻ Căn cước', originals: 0, copies: 1, legalBasis: lltp('45') },
        { id: 'giay-cu-tru', name: 'Giấy tờ chứng minh nơi cư trú ở nước ngoài', originals: 0, copies: 1, certifiedCopy: true, when: { fact: 'noiCuTru', equals: 'nuocNgoai' }, legalBasis: lltp('45') },
        { id: 'giay-uy-quyen', name: 'Văn bản ủy quyền', originals: 1, copies: 0, when: { fact: 'channel', equals: 'postal' }, legalBasis: lltp('45') },
      ],
    },
    timeLimit: {
      value: 10,
      unit: 'working-days',
      start: 'complete-dossier',
      cases: [{ when: { fact: 'canXacMinh', equals: true }, value: 15, unit: 'working-days', legalBasis: lltp('48') }],
      legalBasis: lltp('48'),
    },
    fees: [
      {
        id: 'phi',
        kind: 'phi',
        name: 'Phí cung cấp thông tin lý lịch tư pháp',
        amount: 200000,
        unit: 'lần',
        channels: ['in-person', 'postal'],
        when: { fact: 'laSinhVien', equals: false },
        legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }],
      },
      { id: 'phi-sinh-vien', kind: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp của sinh viên, học sinh', amount: 100000, unit: 'lần', when: { fact: 'laSinhVien', equals: true }, legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }] },
      { id: 'phi-truc-tuyen', kind: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp nộp trực tuyến', amount: 100000, unit: 'lần', channels: ['online'], when: { fact: 'laSinhVien', equals: false }, legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }] },
      { id: 'phi-ban-them', kind: 'phi', name: 'Phí cấp thêm Phiếu lý lịch tư pháp', amount: 5000, unit: 'bản', quantity: { fact: 'soBan', offset: -2, min: 0 }, legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }] },
    ],
    forms: [{ id: 'mau-03', code: 'Mẫu số 03/2013/TT-LLTP', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp' }],
    requirements: [{ id: 'doi-tuong', text: 'Người yêu cầu là công dân Việt Nam hoặc người nước ngoài đã hoặc đang cư trú tại Việt Nam.', legalBasis: lltp('7') }],
    results: [{ name: 'Phiếu lý lịch tư pháp số 1', validity: 'indefinite', electronic: true }],
    legalBasis: [{ document: '28/2009/QH12' }, { document: '244/2016/TT-BTC' }],
    formFields: [
      { id: 'hoTen', label: 'Họ và tên', type: 'text', required: true, maxLength: 100 },
      { id: 'soDinhDanh', label: 'Số định danh cá nhân', type: 'id-number', required: true },
      { id: 'maSoThue', label: 'Mã số thuế', type: 'tax-code' },
      { id: 'email', label: 'Thư điện tử', type: 'email', required: true },
      { id: 'dienThoai', label: 'Số điện thoại', type: 'phone', required: true },
      { id: 'mucDich', label: 'Mục đích yêu cầu cấp Phiếu', type: 'enum', required: true, options: [{ value: 'xin-viec', label: 'Xin việc' }, { value: 'du-hoc', label: 'Du học' }, { value: 'khac', label: 'Khác' }] },
      { id: 'soBanYeuCau', label: 'Số bản yêu cầu', type: 'integer', required: true, minimum: 1, maximum: 20 },
      { id: 'diaChiNuocNgoai', label: 'Địa chỉ ở nước ngoài', type: 'text', required: true, when: { fact: 'noiCuTru', equals: 'nuocNgoai' } },
      { id: 'diaChiBuuChinh', label: 'Địa chỉ nhận kết quả qua bưu chính', type: 'text', required: true, when: { fact: 'channel', equals: 'postal' } },
    ],
  });
}

/** Death registration, in person only; the tests put hostile markup into its name, notes and document titles. */
export function deathRegistration(patch: Record<string, unknown> = {}): ProcedureVersion {
  return mergePatch(baseVersion(), { code: '1.000656', name: { vi: 'Thủ tục đăng ký khai tử', en: 'Death registration' }, ...patch });
}

/** A procedure abolished from 2024-01-01. */
export function repealed(): ProcedureVersion[] {
  const v1 = mergePatch(baseVersion(), { code: '1.000001', name: { vi: 'Thủ tục xác nhận thông tin hộ tịch', en: null } });
  const v2 = {
    code: '1.000001',
    version: 'v2',
    status: 'repealed',
    effective: { from: '2024-01-01' },
    supersedes: 'v1',
    changedBy: { legalBasis: [{ document: '01/2023/QĐ-UBND' }] },
    name: { vi: 'Thủ tục xác nhận thông tin hộ tịch' },
  } as ProcedureVersion;
  return [v1, v2];
}

/** A procedure whose first version takes effect in 2027, and a draft that must never be published. */
export function upcoming(): ProcedureVersion[] {
  return [
    mergePatch(baseVersion(), { code: '1.999999', name: { vi: 'Thủ tục đăng ký giám hộ', en: null }, effective: { from: '2027-01-01' } }),
    mergePatch(baseVersion(), { code: '1.888888', version: 'v1', status: 'draft', name: { vi: 'Thủ tục dự thảo', en: null } }),
  ];
}

export function fixtureVersions(): ProcedureVersion[] {
  return [birthV1(), birthV2(), judicialRecord(), deathRegistration(), ...repealed(), ...upcoming()];
}

/** A catalogue folder holding the fixture versions (plus extra files, which may replace them). */
export async function buildFixture(extra: Record<string, FileContent> = {}, versions: ProcedureVersion[] = fixtureVersions()): Promise<string> {
  const files: Record<string, FileContent> = { 'registry/registry.json': buildRegistry() };
  for (const v of versions) files[versionPath(v)] = v;
  const dir = await makeCatalogue({ ...files, ...extra });
  // Locked as a real catalogue is (a build refuses published versions without a lock), unless the
  // extra files bring their own lock.
  if (!('tthc.lock.json' in extra)) await lockCatalogue(dir);
  return dir;
}
