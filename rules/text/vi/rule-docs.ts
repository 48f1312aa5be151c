/**
 * The lint rules' documentation in Vietnamese: for each rule (rules/lint/<id>.ts), what it checks, why,
 * and what each of its worked examples shows, in the order of the rule's examples. The English is the
 * rule's own meta and examples; the messages are LINT_MESSAGES_VI's. `tthc rules` prints this by default
 * and the site's rule pages are built from it; tests/rules/lint/rule-docs-vi.test.ts keeps it complete
 * (every rule, every example, NFC) and the same size as the rule.
 */

export interface RuleDocsVi {
  description: string;
  rationale: string;
  /** One line per example of the rule's `examples.invalid`, in order. */
  invalid: readonly string[];
  /** One line per example of the rule's `examples.valid`, in order. */
  valid: readonly string[];
}

export const RULE_DOCS_VI: Readonly<Record<string, RuleDocsVi>> = {
  'amendment-cites-change': {
    description: 'Phiên bản đã công bố thay thế một phiên bản khác phải nêu văn bản quy định nội dung sửa đổi (changedBy).',
    rationale:
      'Quyết định công bố liệt kê từng thủ tục hành chính được sửa đổi, bổ sung cùng văn bản quy phạm pháp luật quy định nội dung sửa đổi (cột “Tên VBQPPL quy định nội dung sửa đổi”, Thông tư 02/2017/TT-VPCP). Thiếu changedBy thì cột này trong dự thảo quyết định công bố bị để trống.',
    invalid: ['Phiên bản sửa đổi không có changedBy.'],
    valid: ['Phiên bản sửa đổi nêu văn bản quy định nội dung sửa đổi.'],
  },
  'channel-time-within-limit': {
    description: 'Thời hạn riêng của một cách thức thực hiện không dài hơn thời hạn giải quyết theo quy định.',
    rationale:
      'Một cách thức thực hiện có thể cam kết thời hạn ngắn hơn (nhiều tỉnh làm vậy với hồ sơ nộp trực tuyến) nhưng không bao giờ dài hơn: thời hạn giải quyết theo quy định ràng buộc mọi cách thức nộp hồ sơ.',
    invalid: ['Nộp qua dịch vụ bưu chính với thời hạn dài hơn quy định.'],
    valid: ['Nộp trực tuyến với thời hạn ngắn hơn quy định.'],
  },
  'condition-facts': {
    description: 'Điều kiện và số lượng tính phí chỉ dựa trên các thông tin đã được khai báo, với giá trị đúng kiểu của thông tin đó.',
    rationale:
      'Điều kiện dựa trên một thông tin chưa khai báo, hoặc trên một giá trị mà thông tin đó không bao giờ nhận, thì không bao giờ đúng: giấy tờ hoặc khoản phí mà điều kiện đó quyết định sẽ không bao giờ được áp dụng mà không ai hay biết.',
    invalid: ['Điều kiện dựa trên một thông tin không được khai báo.', 'Một giá trị cách thức thực hiện không tồn tại.'],
    valid: ['Khoản phí phụ thuộc vào một thông tin kiểu có/không đã được khai báo.'],
  },
  'correction-basis-in-force': {
    description: 'Bản đính chính viện dẫn, trong `corrects.legalBasis`, các văn bản có hiệu lực vào ngày đầu tiên nó áp dụng (`corrects.from`), trong đó ít nhất một văn bản có ngày hiệu lực ghi trong danh mục.',
    rationale:
      'Bản đính chính sửa lại điều danh mục đã ghi về những ngày đã công bố: nó phải dựa trên văn bản điều chỉnh chính những ngày đó. Văn bản có hiệu lực sau chỉ thay đổi thủ tục từ ngày của nó (đính chính từ ngày đó, hoặc lập phiên bản mới); văn bản chưa rõ ngày hiệu lực thì không chứng minh được bản đính chính là đúng.',
    invalid: ['Bản đính chính viện dẫn một thông tư có hiệu lực sau ngày bắt đầu đính chính và một thông tư chưa rõ ngày hiệu lực.'],
    valid: ['Bản đính chính từ ngày 16/07/2020 viện dẫn Luật Hộ tịch, có hiệu lực từ ngày 01/01/2016.'],
  },
  'correction-keeps-identity': {
    description: 'Bản đính chính giữ nguyên mã thủ tục, thời gian hiệu lực và `supersedes` của phiên bản được đính chính, và không phải là bãi bỏ hay phương án; nó chỉ thay nội dung, từ `corrects.from`.',
    rationale:
      'Bản đính chính nói phiên bản đã công bố lẽ ra phải ghi gì; nó không mở một phiên bản mới. Dời ngày bắt đầu hoặc vị trí trong chuỗi thay thế sẽ đổi phiên bản nào điều chỉnh ngày nào mà người đọc không biết: đổi thời gian hiệu lực là một phiên bản mới (tthc new-version), còn thay đổi từ một ngày trong thời gian hiệu lực thì ghi bằng corrects.from.',
    invalid: [
      'Bản đính chính dời ngày có hiệu lực.',
      'Bản đính chính ghi thay thế một phiên bản, trong khi phiên bản được đính chính không thay thế phiên bản nào.',
      'Bản đính chính bỏ phiên bản mà phiên bản được đính chính thay thế.',
      'Bản đính chính ghi thay thế một phiên bản khác với phiên bản mà phiên bản được đính chính thay thế.',
    ],
    valid: ['Bản đính chính có cùng thời gian hiệu lực và supersedes với phiên bản được đính chính.'],
  },
  'correction-target': {
    description: 'Bản đính chính (`corrects`) nêu một phiên bản đã công bố của cùng thủ tục, không phải bản nháp, bãi bỏ hay một bản đính chính khác, và áp dụng từ một ngày trong thời gian hiệu lực của phiên bản đó.',
    rationale:
      'Bản đính chính thay nội dung danh mục đã công bố và khóa, cho những ngày phiên bản đó điều chỉnh; bản nháp thì sửa trực tiếp, còn đính chính một bản đính chính, hoặc đính chính ngoài thời gian hiệu lực, sẽ không còn một câu trả lời duy nhất cho câu hỏi “ngày này áp dụng gì, theo danh mục ghi nhận lúc đó?”.',
    invalid: ['Bản đính chính một phiên bản không có.', 'Bản đính chính một bản nháp.', 'Bản đính chính một bản đính chính.', 'Bản đính chính từ một ngày trước khi phiên bản được đính chính có hiệu lực.'],
    valid: ['Bản đính chính v1 đã công bố, từ một ngày trong thời gian hiệu lực của v1.'],
  },
  'file-location': {
    description: 'Mỗi phiên bản thủ tục được lưu tại procedures/<code>/<version>.json.',
    rationale:
      'Đường dẫn là cách người dùng, tệp khóa và lịch sử git tìm đến một phiên bản. Tệp có tên không khớp với mã thủ tục hoặc mã phiên bản sẽ giấu phiên bản ở nơi không ai tìm đến.',
    invalid: [],
    valid: ['Phiên bản gốc được lưu tại procedures/1.001193/v1.json.'],
  },
  'legal-basis-authority': {
    description:
      'Mỗi bộ phận viện dẫn loại văn bản có thẩm quyền quy định bộ phận đó: thủ tục hành chính do văn bản quy phạm pháp luật quy định; yêu cầu, điều kiện do luật, nghị định, quyết định của Thủ tướng Chính phủ hoặc nghị quyết của Hội đồng nhân dân cấp tỉnh quy định.',
    rationale:
      'Chỉ văn bản quy phạm pháp luật mới được quy định thủ tục hành chính (khoản 1 Điều 8 Nghị định 63/2010/NĐ-CP); yêu cầu, điều kiện được quy định tại luật, pháp lệnh, nghị định, nghị quyết của Chính phủ, quyết định của Thủ tướng Chính phủ, hoặc nghị quyết của Hội đồng nhân dân cấp tỉnh khi được giao (khoản 3 và khoản 4 Điều 8). Điều kiện chỉ dựa trên thông tư là phát hiện thường gặp khi rà soát, đơn giản hóa thủ tục hành chính. Việc đối chiếu loại văn bản với từng bộ phận là công cụ hỗ trợ người rà soát, nên quy tắc này chỉ cảnh báo.',
    invalid: ['Yêu cầu chỉ dựa trên một thông tư.'],
    valid: ['Yêu cầu dựa trên Luật Hộ tịch.'],
  },
  'legal-basis-in-force': {
    description: 'Phiên bản đã công bố chỉ viện dẫn văn bản đang có hiệu lực vào ngày phiên bản có hiệu lực (bản đính chính: vào ngày đầu tiên nó áp dụng).',
    rationale:
      'Thủ tục hành chính không thể dựa trên văn bản chưa có hiệu lực hoặc đã bị bãi bỏ: quyết định công bố sẽ công bố một yêu cầu không có giá trị pháp lý. Văn bản bãi bỏ thủ tục cũng phải đang có hiệu lực.',
    invalid: ['Phiên bản có hiệu lực trước luật mà phiên bản viện dẫn.'],
    valid: ['Luật Hộ tịch có hiệu lực từ 2016-01-01, trước ngày phiên bản có hiệu lực.'],
  },
  'legal-basis-resolves': {
    description: 'Mọi văn bản được viện dẫn đều có trong danh mục văn bản pháp luật.',
    rationale:
      'Chỉ kiểm tra được một trích dẫn khi văn bản được ghi vào danh mục cùng loại văn bản, cơ quan ban hành và các mốc ngày; một số hiệu không có trong danh mục thường là gõ sai (ND thay cho NĐ, sai năm ban hành).',
    invalid: ['Số hiệu nghị định gõ D thay cho Đ.'],
    valid: ['Mọi trích dẫn của phiên bản gốc đều có trong danh mục.'],
  },
  'level-in-force': {
    description: 'Cấp thực hiện và cơ quan mà phiên bản đã công bố nêu phải tồn tại vào ngày phiên bản có hiệu lực và không chấm dứt khi phiên bản còn hiệu lực.',
    rationale:
      'Cấp hành chính và cơ quan có thay đổi: cấp huyện kết thúc hoạt động ngày 30/6/2025 và các bộ được hợp nhất vào tháng 3/2025. Phiên bản nêu một cơ quan không còn tồn tại sẽ hướng dẫn người dân nộp hồ sơ ở nơi không ai tiếp nhận.',
    invalid: ['Phiên bản từ tháng 7/2025 được thực hiện ở cấp huyện.'],
    valid: ['Cấp xã, tồn tại trong suốt thời gian đó.'],
  },
  'no-overlapping-versions': {
    description: 'Vào mỗi ngày, một thủ tục có nhiều nhất một phiên bản đã công bố đang có hiệu lực.',
    rationale:
      'Khi được hỏi “vào ngày này pháp luật yêu cầu gì?”, danh mục phải cho một câu trả lời duy nhất. Phiên bản sau chỉ chấm dứt phiên bản trước khi nêu rõ là thay thế phiên bản đó (supersedes); nếu không, phiên bản trước phải ghi ngày cuối cùng có hiệu lực.',
    invalid: ['Phiên bản thứ hai quên nêu là thay thế phiên bản thứ nhất.'],
    valid: ['Phiên bản thứ hai thay thế phiên bản thứ nhất; phiên bản thứ nhất vì thế hết hiệu lực từ ngày liền trước.'],
  },
  'not-stated': {
    description:
      'Phiên bản đã công bố không có bộ phận nào là “Chưa xác định” (nguồn không nêu): mọi cơ quan, lĩnh vực, cấp thực hiện, đối tượng, kết quả và giấy tờ đều đã được điền.',
    rationale:
      'Khi nhập dữ liệu, các bộ phận mà nguồn bỏ trống được ghi là “Chưa xác định” để dự thảo vẫn hợp lệ và chỗ thiếu hiện rõ. Phiên bản đã công bố là căn cứ để người dân và cơ quan thực hiện: phải nêu ai thực hiện thủ tục, cho đối tượng nào, với giấy tờ gì và cho kết quả gì (khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP).',
    invalid: ['Phiên bản đã công bố chưa xác định cơ quan thực hiện và kết quả.'],
    valid: ['Phiên bản đã công bố có đủ mọi bộ phận.'],
  },
  'online-service-level': {
    description: 'Cách thức trực tuyến nêu mức độ dịch vụ công trực tuyến (toàn trình hoặc một phần); các cách thức khác thì không nêu.',
    rationale:
      'Theo Nghị định 42/2022/NĐ-CP, dịch vụ công trực tuyến là toàn trình hoặc một phần, và các cơ quan được đánh giá theo tỷ lệ thủ tục được cung cấp trực tuyến toàn trình. Phải nêu mức độ thì thủ tục mới được tính.',
    invalid: ['Cách thức trực tuyến không nêu mức độ.', 'Nêu mức độ dịch vụ cho cách thức nộp trực tiếp.'],
    valid: ['Dịch vụ công trực tuyến một phần.'],
  },
  'proposal-baseline': {
    description: 'Phương án đơn giản hóa nêu phiên bản gốc đã công bố của chính thủ tục đó và thay thế phiên bản gốc.',
    rationale:
      'Phương án được đánh giá so với quy định hiện hành làm gốc (Thông tư 02/2017/TT-VPCP): không có phiên bản gốc đã công bố thì không có gì để đo mức cắt giảm.',
    invalid: ['Phương án quên thay thế phiên bản gốc.'],
    valid: ['Phương án so với phiên bản v1 đã công bố.'],
  },
  'published-immutable': {
    description: 'Phiên bản đã công bố không bao giờ thay đổi: tệp khóa (tthc.lock.json) ghi mã SHA-256 của từng phiên bản, và mọi việc sửa, xóa hoặc đổi tên đều là lỗi.',
    rationale:
      'Phiên bản đã công bố là hồ sơ pháp lý: điều mà danh mục đã nêu là pháp luật yêu cầu kể từ một ngày. Sửa phiên bản đó là viết lại lịch sử mà người dân và cơ quan đã dựa vào. Muốn thay đổi thì công bố một phiên bản mới thay thế phiên bản đó.',
    invalid: [],
    valid: [],
  },
  'references-resolve': {
    description: 'Mọi lĩnh vực, cấp thực hiện, cơ quan, cơ sở dữ liệu, mức thu nhập theo giờ và mẫu đơn, tờ khai mà một phiên bản nêu đều tồn tại.',
    rationale:
      'Danh sách thủ tục được nhóm theo cấp thực hiện, lĩnh vực và cơ quan, và mỗi thành phần hồ sơ trỏ đến mẫu đơn, tờ khai của nó; một mã không trỏ đến đâu sẽ làm thủ tục mất khỏi danh sách hoặc mẫu đơn mất khỏi hồ sơ mà không ai hay biết.',
    invalid: ['Mã lĩnh vực viết sai.', 'Giấy tờ trỏ đến một mẫu đơn không có trong danh sách mẫu.'],
    valid: ['Phiên bản gốc nêu cơ quan, lĩnh vực và cấp thực hiện đã có trong danh mục.'],
  },
  'repeal-valid': {
    description: 'Việc bãi bỏ (phiên bản có trạng thái repealed) chấm dứt một phiên bản đã công bố, và bản thân nó không bị phiên bản nào thay thế.',
    rationale:
      'Việc bãi bỏ một thủ tục được ghi thành một phiên bản bãi bỏ, thay thế phiên bản đã công bố gần nhất và viện dẫn văn bản bãi bỏ, để lịch sử đã công bố không bị sửa và quyết định công bố liệt kê được thủ tục bị bãi bỏ cùng mã thủ tục và văn bản bãi bỏ.',
    invalid: ['Bãi bỏ một dự thảo.'],
    valid: ['v2 bãi bỏ phiên bản v1 đã công bố.'],
  },
  'require-legal-basis': {
    description:
      'Thủ tục, thời hạn giải quyết và mọi giấy tờ, khoản phí, bước thực hiện và yêu cầu đều viện dẫn căn cứ pháp lý. Là lỗi đối với phiên bản đã công bố, là cảnh báo đối với dự thảo và phương án.',
    rationale:
      'Chỉ văn bản quy phạm pháp luật mới được quy định thủ tục hành chính và từng bộ phận của thủ tục (Điều 8 Nghị định 63/2010/NĐ-CP). Giấy tờ, khoản phí hay bước thực hiện không có căn cứ là gánh nặng mà pháp luật không cho phép đặt ra, và quyết định công bố phải nêu căn cứ pháp lý của từng bộ phận.',
    invalid: ['Khoản phí không có căn cứ pháp lý.'],
    valid: ['Mọi bộ phận của phiên bản gốc đều viện dẫn Luật Hộ tịch.'],
  },
  'step-time-within-limit': {
    description: 'Tổng thời gian của các bước không vượt quá thời hạn giải quyết theo quy định.',
    rationale:
      'Thời gian của từng bước là mốc mà các cơ quan phải tuân thủ trong quy trình một cửa; các bước cộng lại vượt thời hạn quy định là hứa trả kết quả muộn hơn pháp luật cho phép. Thời gian tính theo ngày hoặc tháng theo lịch không được so với thời hạn tính theo ngày làm việc, vì kết quả còn tùy thuộc vào lịch.',
    invalid: ['Hai bước, mỗi bước 3 ngày làm việc, so với thời hạn 5 ngày làm việc.'],
    valid: ['Một bước 0 ngày làm việc trong thời hạn giải quyết trong ngày.'],
  },
  'supersedes-valid': {
    description: '`supersedes` nêu một phiên bản có thật, có trước, của cùng thủ tục, không tạo thành vòng; phiên bản đã công bố chỉ thay thế phiên bản đã công bố.',
    rationale:
      'Chuỗi thay thế là lịch sử pháp lý của một thủ tục: quyết định công bố, bản so sánh và “phiên bản có hiệu lực vào một ngày” đều đi theo chuỗi này.',
    invalid: ['Phiên bản thay thế một phiên bản không có.', 'Phiên bản thay thế một phiên bản có sau nó.'],
    valid: ['v1 thay thế v0, phiên bản có hiệu lực trước.'],
  },
  'text-nfc': {
    description: 'Văn bản được lưu ở dạng Unicode NFC (chữ tiếng Việt dựng sẵn).',
    rationale:
      'Tiếng Việt gõ trên một số bàn phím hoặc sao chép từ PDF có thể ở dạng tổ hợp (a + U+0302 + U+0301 thay cho ấ). Nhìn thì giống nhau nhưng làm hỏng tìm kiếm, sắp xếp, so sánh và mã băm. Chương trình chuẩn hóa văn bản về NFC khi đọc nên các bước sau không bị ảnh hưởng; dù vậy tệp vẫn nên được lưu ở dạng NFC.',
    invalid: [],
    valid: ['Văn bản được gõ bằng chữ dựng sẵn.'],
  },
  'time-limit-stated': {
    description: 'Phiên bản đã công bố nêu thời hạn giải quyết (timeLimit khác null).',
    rationale:
      'Thời hạn giải quyết là một trong các bộ phận mà mọi thủ tục hành chính phải có (khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP, được sửa đổi bởi Nghị định 92/2017/NĐ-CP). Dự thảo được nhập có thể để null khi nguồn ghi “Không quy định”; trước khi công bố, hãy nêu thời hạn, hoặc nếu pháp luật thật sự không quy định thì ghi nhận điều đó kèm căn cứ pháp lý.',
    invalid: [],
    valid: ['Dự thảo được nhập không có thời hạn giải quyết.'],
  },
  'unique-ids': {
    description: 'Mã của giấy tờ, khoản phí, bước thực hiện, mẫu đơn, yêu cầu, thông tin và trường của mẫu là duy nhất trong một phiên bản, và mỗi cách thức thực hiện chỉ có một lần.',
    rationale:
      'Bản so sánh, điều kiện và tham chiếu đến mẫu đơn tìm các mục theo mã; một mã bị lặp khiến báo cáo thay đổi hoặc phép tính phí chọn nhầm mục.',
    invalid: ['Hai giấy tờ có cùng một mã.', 'Cách thức nộp trực tiếp được nêu hai lần.'],
    valid: ['Các giấy tờ có mã khác nhau.'],
  },
  'unique-version': {
    description: 'Không có hai tệp cùng mã thủ tục và mã phiên bản.',
    rationale:
      'Một mã phiên bản chỉ gọi tên đúng một trạng thái pháp lý của thủ tục; hai tệp cùng nhận mã đó sẽ làm cho “phiên bản đang có hiệu lực” không rõ là phiên bản nào.',
    invalid: [],
    valid: ['Hai phiên bản của cùng một thủ tục với mã phiên bản khác nhau.'],
  },
  'unresolved-uncertainty': {
    description: 'Phiên bản đã công bố không còn ghi chú loại “uncertain” (chưa được xác minh).',
    rationale:
      'Ghi chú chưa được xác minh đánh dấu một nội dung còn phải đối chiếu với văn bản pháp luật. Công bố phiên bản đó là công bố như quy định của pháp luật một điều chưa ai kiểm chứng; hãy xử lý ghi chú, hoặc giữ phiên bản ở dạng dự thảo.',
    invalid: ['Phiên bản đã công bố còn ghi chú chưa được xác minh.'],
    valid: ['Dự thảo được phép có ghi chú chưa được xác minh.'],
  },
  'variant-within-baseline': {
    description:
      'Biến thể địa phương chỉ được thuận lợi hơn phiên bản gốc: không kéo dài thời hạn, không thêm giấy tờ hoặc đòi giấy tờ khắt khe hơn, không tăng hoặc thêm phí, lệ phí, không bỏ cách thức thực hiện.',
    rationale:
      'Tỉnh hoặc xã có thể cam kết giải quyết nhanh hơn hoặc yêu cầu ít hơn thủ tục chung của trung ương, nhưng không bao giờ nhiều hơn: chính quyền địa phương không được đặt thêm gánh nặng mà pháp luật không quy định (khoản 4 Điều 8 Nghị định 63/2010/NĐ-CP; Luật Ban hành văn bản quy phạm pháp luật).',
    invalid: ['Biến thể yêu cầu thêm một giấy tờ.'],
    valid: ['Xã cam kết giải quyết trong 3 ngày làm việc trong khi pháp luật cho phép 5 ngày làm việc.'],
  },
};

/** The words of a rule's docs page and of the rule index, by language. */
export interface RuleDocsLabels {
  type: string;
  severity: string;
  checks: string;
  types: Record<'problem' | 'suggestion', string>;
  severities: Record<'error' | 'warning', string>;
  scopes: Record<'version' | 'catalogue', string>;
  why: string;
  messages: string;
  incorrect: string;
  patchNote: string;
  correct: string;
  others: (n: number, versions: string) => string;
  reports: string;
  at: string;
  index: string;
  columns: [rule: string, type: string, severity: string, what: string];
}

export const RULE_DOCS_LABELS_VI: RuleDocsLabels = {
  type: 'Loại:',
  severity: 'Mức độ:',
  checks: 'Phạm vi kiểm tra:',
  types: { problem: 'vấn đề', suggestion: 'gợi ý' },
  severities: { error: 'lỗi', warning: 'cảnh báo' },
  scopes: { version: 'từng phiên bản thủ tục', catalogue: 'toàn bộ danh mục' },
  why: 'Lý do',
  messages: 'Thông báo',
  incorrect: 'Ví dụ đặc tả sai',
  patchNote: 'Mỗi ví dụ là một bản vá JSON (JSON merge patch, RFC 7396) áp dụng lên phiên bản gốc dùng chung cho ví dụ của mọi quy tắc.',
  correct: 'Ví dụ đặc tả đúng',
  others: (n, versions) => `(cùng với ${n} phiên bản khác trong danh mục: ${versions})`,
  reports: 'Thông báo: ',
  at: ' tại ',
  index: 'Quy tắc kiểm tra',
  columns: ['quy tắc', 'loại', 'mức độ', 'nội dung kiểm tra'],
};
