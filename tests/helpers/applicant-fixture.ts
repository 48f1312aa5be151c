import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import type { Registry } from '../../rules/schema/types/registry.generated.js';
import { baseRegistry } from '../../rules/lint/fixture.js';
import { mergePatch } from '../../rules/lint/merge-patch.js';
import { version } from './catalogue.js';

/**
 * A small catalogue for fee, dossier, time-limit and version-in-force tests, shaped like the real
 * procedures: birth registration before and after 01/01/2026 (the Căn cước looked up from the
 * population database, Nghị quyết 66.7/2025) and a judicial-record certificate with fee tiers.
 */
export function applicantVersions(): ProcedureVersion[] {
  const birthV1 = version({ effective: { from: '2016-01-01' } });
  const birthV2 = version({
    version: 'v2',
    supersedes: 'v1',
    effective: { from: '2026-01-01' },
    changedBy: { legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] },
    channels: [{ kind: 'in-person' }, { kind: 'online', onlineService: 'full', portals: ['national-portal'] }],
    dossier: {
      documents: [
        { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: 'tk-khai-sinh', legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
        { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, when: { fact: 'coGiayChungSinh', equals: true }, legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
        { id: 'van-ban-lam-chung', name: 'Văn bản của người làm chứng xác nhận việc sinh', originals: 1, copies: 0, when: { fact: 'coGiayChungSinh', equals: false }, legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
        {
          id: 'can-cuoc',
          name: 'Thẻ Căn cước của người đi đăng ký',
          originals: 1,
          copies: 0,
          submission: 'present',
          lookup: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] },
        },
      ],
    },
    facts: [{ id: 'coGiayChungSinh', type: 'boolean', label: 'Có giấy chứng sinh', default: true }],
  });
  const birthV1WithIdCard = mergePatch(birthV1, {
    dossier: {
      documents: [
        ...birthV1.dossier!.documents,
        { id: 'can-cuoc', name: 'Thẻ Căn cước của người đi đăng ký', originals: 1, copies: 0, submission: 'present', legalBasis: [{ document: '60/2014/QH13', article: '16', clause: '1' }] },
      ],
    },
  });
  const judicial = version({
    code: '1.001416',
    version: 'v1',
    effective: { from: '2020-01-01' },
    name: { vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
    levels: ['province'],
    channels: [{ kind: 'in-person' }, { kind: 'online', onlineService: 'full', timeLimit: { value: 8, unit: 'working-days', start: 'complete-dossier' } }, { kind: 'postal' }],
    steps: [{ id: 'nop', actor: 'applicant', action: 'Nộp tờ khai.' }],
    dossier: { documents: [{ id: 'to-khai', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0 }] },
    forms: [],
    timeLimit: {
      value: 10,
      unit: 'working-days',
      start: 'complete-dossier',
      cases: [{ when: { fact: 'phucTap', equals: true }, value: 15, unit: 'working-days', label: 'trường hợp phức tạp cần xác minh' }],
      legalBasis: [{ document: '28/2009/QH12', article: '48', clause: '1' }],
    },
    facts: [
      { id: 'doiTuong', type: 'enum', label: 'Đối tượng', default: 'thuong', values: [{ value: 'thuong', label: 'Thông thường' }, { value: 'sinhVien', label: 'Sinh viên' }, { value: 'nguoiCoCong', label: 'Người có công' }, { value: 'treEm', label: 'Trẻ em' }] },
      { id: 'soBan', type: 'integer', label: 'Số Phiếu yêu cầu cấp', default: 1, minimum: 1, maximum: 50 },
      { id: 'phucTap', type: 'boolean', label: 'Cần xác minh', default: false },
    ],
    fees: [
      { id: 'phi', kind: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200000, unit: 'lần', when: { fact: 'doiTuong', notEquals: 'sinhVien' }, exemptions: [{ when: { fact: 'doiTuong', in: ['treEm', 'nguoiCoCong'] }, reason: 'Trẻ em; người có công với cách mạng.', legalBasis: [{ document: '244/2016/TT-BTC', article: '5' }] }], legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }] },
      { id: 'phi-sinh-vien', kind: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp (sinh viên)', amount: 100000, unit: 'lần', when: { fact: 'doiTuong', equals: 'sinhVien' }, legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }] },
      { id: 'phi-ban-them', kind: 'phi', name: 'Phí cấp từ Phiếu thứ 3 trở đi', amount: 5000, unit: 'Phiếu', quantity: { fact: 'soBan', offset: -2, min: 0 }, legalBasis: [{ document: '244/2016/TT-BTC', article: '4' }] },
      { id: 'cuoc-buu-chinh', kind: 'phi', name: 'Cước bưu chính', amount: 30000, channels: ['postal'] },
    ],
  });
  const abolished: ProcedureVersion = {
    code: '1.001416',
    version: 'v2',
    status: 'repealed',
    effective: { from: '2026-07-01' },
    supersedes: 'v1',
    name: { vi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
    changedBy: { legalBasis: [{ document: '107/2025/QH15' }] },
  };
  const future = version({ code: '2.000001', effective: { from: '2030-01-01' }, name: { vi: 'Thủ tục tương lai' } });
  return [birthV1WithIdCard, birthV2, judicial, abolished, future];
}

export function applicantRegistry(): Registry {
  return baseRegistry();
}
