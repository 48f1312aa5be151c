/** The activities of compliance cost (TT 02/2017/TT-VPCP). */

/** Compliance activities (TT 02/2017/TT-VPCP, biểu mẫu tính chi phí tuân thủ). */
export const ACTIVITY_VI = {
  learn: 'Tìm hiểu quy định',
  'fill-forms': 'Điền tờ khai, biểu mẫu',
  'collect-papers': 'Chuẩn bị, thu thập giấy tờ',
  photocopy: 'Sao chụp giấy tờ',
  'certify-copies': 'Chứng thực bản sao',
  'travel-submit': 'Đi lại, chờ đợi để nộp hồ sơ',
  supplement: 'Bổ sung, hoàn thiện hồ sơ',
  inspection: 'Kiểm tra, thẩm định thực tế',
  'travel-result': 'Đi lại, chờ đợi để nhận kết quả',
  'hired-service': 'Thuê dịch vụ',
  other: 'Hoạt động khác',
} as const;
