/** The names of a procedure's parts and attributes: Phần II part titles, status, subjects, actors, agency roles, kinds. */
import type { Step, Subject } from '../../schema/types/procedure-version.generated.js';

export const STATUS_VI = { draft: 'dự thảo', proposed: 'đề xuất', published: 'đã công bố', repealed: 'đã bãi bỏ' } as const;

export const SUBJECT_VI: Record<Subject['kind'], string> = {
  citizen: 'Công dân Việt Nam',
  'overseas-vietnamese': 'Người Việt Nam định cư ở nước ngoài',
  foreigner: 'Người nước ngoài',
  enterprise: 'Doanh nghiệp',
  'foreign-invested-enterprise': 'Doanh nghiệp có vốn đầu tư nước ngoài',
  organisation: 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
  'foreign-organisation': 'Tổ chức nước ngoài',
  cooperative: 'Hợp tác xã',
  'public-servant': 'Cán bộ, công chức, viên chức',
  other: 'Khác',
};

export function formatSubject(s: Subject): string {
  return s.label ?? SUBJECT_VI[s.kind];
}

/** The parts of a procedure in the order of Phần II of the announcement layout (TT 02/2017/TT-VPCP). */
export const PART_TITLES_VI = {
  steps: 'Trình tự thực hiện',
  channels: 'Cách thức thực hiện',
  dossier: 'Thành phần, số lượng hồ sơ',
  timeLimit: 'Thời hạn giải quyết',
  subjects: 'Đối tượng thực hiện thủ tục hành chính',
  agencies: 'Cơ quan thực hiện thủ tục hành chính',
  results: 'Kết quả thực hiện thủ tục hành chính',
  fees: 'Phí, lệ phí',
  forms: 'Tên mẫu đơn, mẫu tờ khai',
  requirements: 'Yêu cầu, điều kiện thực hiện thủ tục hành chính',
  legalBasis: 'Căn cứ pháp lý của thủ tục hành chính',
} as const;

export type PartId = keyof typeof PART_TITLES_VI;

export const ACTOR_VI: Record<Step['actor'], string> = {
  applicant: 'Tổ chức, cá nhân',
  agency: 'Cơ quan giải quyết',
  'coordinating-agency': 'Cơ quan phối hợp',
  other: 'Bên liên quan',
};

export const AGENCY_ROLE_VI = {
  competent: 'Cơ quan có thẩm quyền quyết định',
  implementing: 'Cơ quan trực tiếp thực hiện',
  delegated: 'Cơ quan được ủy quyền, phân cấp thực hiện',
  coordinating: 'Cơ quan phối hợp',
} as const;

export const PROCEDURE_KIND_VI = {
  'law-delegated': 'Thủ tục hành chính được luật giao quy định chi tiết',
  'not-law-delegated': 'Thủ tục hành chính không được luật giao quy định chi tiết',
  internal: 'Thủ tục hành chính nội bộ',
  other: 'Loại khác',
} as const;
