/** How a diff names the parts of a procedure and weighs each change (rules/compute/diff). */

/** How a change weighs on the applicant (see rules/compute/diff/types.ts). */
export const CLASSIFICATION_VI = {
  cut: 'Cắt giảm',
  tightening: 'Thắt chặt so với chuẩn',
  addition: 'Bổ sung gánh nặng',
  editorial: 'Biên tập',
} as const;

/** Parts of a procedure as a diff names them. */
export const AREA_VI = {
  name: 'Tên thủ tục',
  document: 'Thành phần hồ sơ',
  step: 'Trình tự thực hiện',
  'time-limit': 'Thời hạn giải quyết',
  channel: 'Cách thức thực hiện',
  fee: 'Phí, lệ phí',
  requirement: 'Yêu cầu, điều kiện',
  result: 'Kết quả thực hiện',
  'form-fields': 'Tờ khai điện tử',
  subjects: 'Đối tượng thực hiện',
  agencies: 'Cơ quan thực hiện',
  levels: 'Cấp thực hiện',
  'legal-basis': 'Căn cứ pháp lý',
  'compliance-cost': 'Chi phí tuân thủ',
} as const;
