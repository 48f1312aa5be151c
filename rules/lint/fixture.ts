import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Registry } from '../schema/types/registry.generated.js';
import { catalogueFromObjects } from '../load/in-memory.js';
import { mergePatch } from './merge-patch.js';
import type { RuleExample } from './rule.js';

/**
 * The base that rule examples patch: a small but complete published version that every rule
 * accepts, and the registries it cites. Examples show only what they change.
 */
export function baseVersion(): ProcedureVersion {
  return {
    code: '1.001193',
    version: 'v1',
    status: 'published',
    effective: { from: '2020-07-16' },
    supersedes: null,
    name: { vi: 'Thủ tục đăng ký khai sinh', en: 'Birth registration' },
    kind: 'law-delegated',
    field: 'ho-tich',
    levels: ['commune'],
    subjects: [{ kind: 'citizen' }],
    agencies: { competent: ['ubnd-xa'], implementing: ['ubnd-xa'] },
    steps: [
      { id: 'nop', actor: 'applicant', action: 'Nộp tờ khai và giấy chứng sinh.', legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
      {
        id: 'xu-ly',
        actor: 'agency',
        action: 'Công chức tư pháp - hộ tịch kiểm tra, ghi vào Sổ hộ tịch.',
        duration: { value: 0, unit: 'working-days' },
        legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '2' }],
      },
    ],
    channels: [{ kind: 'in-person', where: 'Bộ phận Một cửa Ủy ban nhân dân cấp xã' }],
    dossier: {
      documents: [
        { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'tk-khai-sinh', legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
        { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
      ],
    },
    timeLimit: { value: 0, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '2' }] },
    fees: [],
    forms: [{ id: 'tk-khai-sinh', name: 'Tờ khai đăng ký khai sinh', legalBasis: [{ document: '04/2020/TT-BTP', article: '3' }] }],
    results: [{ name: 'Giấy khai sinh (bản chính)', validity: 'indefinite' }],
    legalBasis: [{ document: '60/2014/QH13', article: '13' }, { document: '04/2020/TT-BTP' }],
  };
}

export function baseRegistry(): Registry {
  return {
    legalDocuments: [
      { number: '60/2014/QH13', type: 'law', issuer: 'Quốc hội', title: 'Luật Hộ tịch', issued: '2014-11-20', effective: '2016-01-01' },
      {
        number: '04/2020/TT-BTP',
        type: 'circular',
        issuer: 'Bộ Tư pháp',
        title: 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
        issued: '2020-05-28',
        effective: '2020-07-16',
      },
      { number: '85/2019/TT-BTC', type: 'circular', issuer: 'Bộ Tài chính', title: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh', issued: '2019-11-29', effective: '2020-01-01' },
    ],
    agencies: [
      { id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã', level: 'commune', generic: true, effective: { from: '1945-01-01' } },
      { id: 'ubnd-huyen', name: 'Ủy ban nhân dân cấp huyện', level: 'district', generic: true, effective: { from: '1945-01-01', until: '2025-06-30' } },
      { id: 'ubnd-ha-noi', name: 'Ủy ban nhân dân thành phố Hà Nội', level: 'province', effective: { from: '1945-01-01' } },
    ],
    fields: [{ id: 'ho-tich', name: 'Hộ tịch' }],
    levels: [
      { id: 'central', name: 'Cấp trung ương', order: 0, effective: { from: '1945-01-01' } },
      { id: 'province', name: 'Cấp tỉnh', order: 1, effective: { from: '1945-01-01' } },
      { id: 'district', name: 'Cấp huyện', order: 2, effective: { from: '1945-01-01', until: '2025-06-30' } },
      { id: 'commune', name: 'Cấp xã', order: 3, effective: { from: '1945-01-01' } },
    ],
    databases: [{ id: 'csdl-dan-cu', name: 'Cơ sở dữ liệu quốc gia về dân cư' }],
    hourlyIncomes: [],
  };
}

/** The catalogue an example describes: its other versions, then the version under test (last). */
export function exampleCatalogue(example: RuleExample) {
  const base = baseVersion();
  const versions = [...(example.others ?? []).map((p) => mergePatch(base, p)), mergePatch(base, example.patch)];
  const registry = mergePatch(baseRegistry(), example.registry ?? {});
  const { catalogue, diagnostics } = catalogueFromObjects({ versions, registry });
  const subject = catalogue.versions.find((v) => v.data.code === versions.at(-1)!.code && v.data.version === versions.at(-1)!.version);
  return { catalogue, diagnostics, subject };
}
