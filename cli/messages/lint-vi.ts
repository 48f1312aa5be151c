/**
 * The lint rules' messages in Vietnamese, for the stylish report (validate, build, publish, lock,
 * announce, reconcile, new-version). A rule words its finding in English from its template
 * (rules/lint/<rule>.ts meta.messages) and the diagnostic keeps only that text, which JSON output
 * and the cache carry unchanged; here the English template is matched against the text to recover
 * the values, and the Vietnamese template is filled with them. Each entry is [English template,
 * Vietnamese template]; tests/cli/lint-messages-vi.test.ts keeps the English ones identical to the
 * rules' and the placeholders the same on both sides. A text that does not match stays as it is.
 */

export const LINT_MESSAGES_VI: Readonly<Record<string, readonly [en: string, vi: string]>> = {
  'amendment-cites-change/missing': ['This version supersedes {{target}} but does not say which legal document makes the change; add changedBy.legalBasis.', 'Phiên bản này thay thế {{target}} nhưng không nêu văn bản quy phạm pháp luật nào quy định thay đổi; hãy thêm changedBy.legalBasis.'],
  'channel-time-within-limit/longer': ['The {{kind}} channel allows {{channel}}, longer than the statutory time limit of {{limit}}.', 'Cách thức {{kind}} cho thời hạn {{channel}}, dài hơn thời hạn giải quyết theo quy định là {{limit}}.'],
  'condition-facts/unknownFact': ['The fact "{{fact}}" is not declared in facts[].{{hint}}', 'Thông tin "{{fact}}" chưa được khai báo trong facts[].{{hint}}'],
  'condition-facts/wrongValue': ['The fact "{{fact}}" is {{type}}; {{value}} is not one of its values ({{allowed}}).', 'Thông tin "{{fact}}" có kiểu {{type}}; {{value}} không thuộc các giá trị của nó ({{allowed}}).'],
  'condition-facts/wrongOperator': ['The operator {{operator}} does not apply to the {{type}} fact "{{fact}}".', 'Phép so sánh {{operator}} không dùng được cho thông tin "{{fact}}" kiểu {{type}}.'],
  'condition-facts/notNumeric': ['A fee quantity needs an integer fact; "{{fact}}" is {{type}}.', 'Số lượng tính phí cần một thông tin kiểu số nguyên; "{{fact}}" có kiểu {{type}}.'],
  'file-location/misplaced': ['This version of {{code}}@{{version}} is stored at {{actual}}; move it to {{expected}}.', 'Phiên bản {{code}}@{{version}} đang được lưu tại {{actual}}; hãy chuyển tệp đến {{expected}}.'],
  'legal-basis-authority/notNormative': ['The procedure cites no legal normative document; {{cited}} cannot create a procedure (NĐ 63/2010/NĐ-CP, Art. 8(1)).', 'Thủ tục không viện dẫn văn bản quy phạm pháp luật nào; {{cited}} không có thẩm quyền quy định thủ tục hành chính (khoản 1 Điều 8 Nghị định 63/2010/NĐ-CP).'],
  'legal-basis-authority/conditionAuthority': ['This requirement cites only {{cited}}; requirements and conditions must be set by a law, ordinance, decree, Government resolution, PM decision or provincial resolution (NĐ 63/2010/NĐ-CP, Art. 8(3)).', 'Yêu cầu, điều kiện này chỉ viện dẫn {{cited}}; yêu cầu, điều kiện phải được quy định tại luật, pháp lệnh, nghị định, nghị quyết của Chính phủ, quyết định của Thủ tướng Chính phủ hoặc nghị quyết của Hội đồng nhân dân cấp tỉnh (khoản 3 Điều 8 Nghị định 63/2010/NĐ-CP).'],
  'legal-basis-in-force/notYetInForce': ['{{number}} takes effect on {{effective}}, after this version takes effect ({{from}}).', '{{number}} có hiệu lực từ {{effective}}, sau ngày phiên bản này có hiệu lực ({{from}}).'],
  'legal-basis-in-force/repealed': ['{{number}} is no longer in force from {{repealed}}{{by}}, on or before this version takes effect ({{from}}).', '{{number}} hết hiệu lực từ {{repealed}}{{by}}, không muộn hơn ngày phiên bản này có hiệu lực ({{from}}).'],
  'legal-basis-in-force/unknownEffective': ['Cannot check that {{number}} is in force on {{from}}: the registry does not give its effective date.', 'Không kiểm tra được {{number}} có hiệu lực vào {{from}} hay không: danh mục văn bản không ghi ngày có hiệu lực của văn bản.'],
  'legal-basis-resolves/unknownDocument': ['The legal document "{{number}}" is not in the registry (registry/legal-documents.json).{{hint}}', 'Văn bản "{{number}}" không có trong danh mục văn bản (registry/legal-documents.json).{{hint}}'],
  'level-in-force/notInForce': ['{{what}} "{{name}}" exists {{period}}; this version takes effect on {{from}}.{{successor}}', '{{what}} "{{name}}" chỉ tồn tại {{period}}; phiên bản này có hiệu lực từ {{from}}.{{successor}}'],
  'level-in-force/outlived': ['{{what}} "{{name}}" ceases after {{until}}, but this version stays in force {{window}}. Publish a version from {{next}} that names its successor.{{successor}}', '{{what}} "{{name}}" chấm dứt sau {{until}}, nhưng phiên bản này còn hiệu lực {{window}}. Hãy công bố phiên bản có hiệu lực từ {{next}} nêu đơn vị kế thừa.{{successor}}'],
  'no-overlapping-versions/overlap': ['{{code}}@{{version}} (from {{from}}) overlaps {{other}}, in force {{otherPeriod}}. Say that this version supersedes {{other}}, or give {{other}} an end date (effective.until).', '{{code}}@{{version}} (từ {{from}}) trùng thời gian hiệu lực với {{other}}, có hiệu lực {{otherPeriod}}. Hãy nêu phiên bản này thay thế {{other}} (supersedes), hoặc ghi ngày hết hiệu lực cho {{other}} (effective.until).'],
  'not-stated/registry': ['The {{what}} is "Chưa xác định" (not stated in the source); fill it in before publishing.', 'Mục {{what}} là "Chưa xác định" (nguồn không nêu); hãy điền trước khi công bố.'],
  'not-stated/text': ['The {{what}} is "Chưa xác định" (not stated in the source); fill it in before publishing.', 'Mục {{what}} là "Chưa xác định" (nguồn không nêu); hãy điền trước khi công bố.'],
  'online-service-level/missing': ['The online channel does not say whether the service is entirely online (onlineService: "full") or partly online ("partial").', 'Cách thức trực tuyến chưa nêu là dịch vụ công trực tuyến toàn trình (onlineService: "full") hay một phần ("partial").'],
  'online-service-level/notOnline': ['{{property}} only applies to the online channel, not to {{kind}}.', '{{property}} chỉ dùng cho cách thức trực tuyến, không dùng cho {{kind}}.'],
  'proposal-baseline/missing': ['The baseline {{ref}} does not exist in the catalogue.', 'Danh mục không có phiên bản gốc {{ref}}.'],
  'proposal-baseline/otherCode': ['A proposal changes its own procedure: the baseline is {{code}}, this version is {{mine}}.', 'Phương án chỉ sửa chính thủ tục của nó: phiên bản gốc là {{code}}, phiên bản này là {{mine}}.'],
  'proposal-baseline/notPublished': ['The baseline {{ref}} is {{status}}; proposals are measured against a published version.', 'Phiên bản gốc {{ref}} đang ở trạng thái {{status}}; phương án được so với một phiên bản đã công bố.'],
  'proposal-baseline/supersedes': ['A proposal supersedes its baseline: set supersedes to "{{version}}".', 'Phương án thay thế phiên bản gốc của nó: hãy đặt supersedes là "{{version}}".'],
  'published-immutable/modified': [
    '{{code}}@{{version}} was changed after it was published (recorded sha256 {{expected}}, now {{actual}}). Published versions are immutable: restore the file (git checkout -- {{path}}) and make the change in a new version that supersedes {{version}} (tthc new-version {{code}} {{version}}).',
    '{{code}}@{{version}} đã bị sửa sau khi công bố (sha256 đã ghi {{expected}}, nay là {{actual}}). Phiên bản đã công bố không được sửa: hãy khôi phục tệp (git checkout -- {{path}}) và đưa thay đổi vào một phiên bản mới thay thế {{version}} (tthc new-version {{code}} {{version}}).',
  ],
  'published-immutable/deleted': ['The published version {{code}}@{{version}} ({{path}}) has been deleted. Published versions are immutable: restore the file; to abolish the procedure, publish a repealed version that supersedes it.', 'Phiên bản đã công bố {{code}}@{{version}} ({{path}}) đã bị xóa. Phiên bản đã công bố không được sửa, xóa: hãy khôi phục tệp; muốn bãi bỏ thủ tục thì công bố một phiên bản bãi bỏ (repealed) thay thế nó.'],
  'published-immutable/renamed': ['The published version {{code}}@{{version}} was moved or renamed from {{path}} to {{now}}. Published versions are immutable: move it back.', 'Phiên bản đã công bố {{code}}@{{version}} đã bị chuyển hoặc đổi tên từ {{path}} thành {{now}}. Phiên bản đã công bố không được sửa: hãy chuyển tệp về chỗ cũ.'],
  'published-immutable/missingEntry': ['{{code}}@{{version}} is published but not recorded in the lock file; run `tthc lock` to record it.', '{{code}}@{{version}} đã công bố nhưng chưa được ghi vào tệp khóa; hãy chạy `tthc lock` để ghi.'],
  'published-immutable/noLock': [
    'The catalogue has published versions but no lock file ({{file}}), so nothing shows they are unchanged. If it was deleted, restore it (git checkout -- {{file}}); only a new catalogue starts one, with `tthc lock --init`. `tthc build` and `tthc validate --strict` refuse a catalogue in this state.',
    'Danh mục có phiên bản đã công bố nhưng không có tệp khóa ({{file}}), nên không có gì cho thấy các phiên bản đó chưa bị sửa. Nếu tệp bị xóa, hãy khôi phục (git checkout -- {{file}}); chỉ danh mục mới được tạo tệp khóa, bằng `tthc lock --init`. `tthc build` và `tthc validate --strict` từ chối danh mục ở tình trạng này.',
  ],
  'published-immutable/unreadableLock': [
    'The lock file {{file}} exists but cannot be used (see the errors above), so no published version can be checked against it. Restore it (git checkout -- {{file}}, or resolve the merge conflict); `tthc lock` and `tthc publish` will not rebuild it from the current content.',
    'Tệp khóa {{file}} có nhưng không dùng được (xem các lỗi ở trên), nên không phiên bản đã công bố nào được đối chiếu. Hãy khôi phục tệp (git checkout -- {{file}}, hoặc giải quyết xung đột khi hợp nhất); `tthc lock` và `tthc publish` không tạo lại tệp từ nội dung hiện có.',
  ],
  'references-resolve/unknownRegistryId': ['Unknown {{what}} "{{id}}": it is not in the {{registry}} registry.{{hint}}', 'Không có {{what}} "{{id}}" trong danh mục {{registry}}.{{hint}}'],
  'references-resolve/unknownForm': ['Unknown form "{{id}}": no entry in forms[] has this id.{{hint}}', 'Không có mẫu đơn, tờ khai "{{id}}": forms[] không có mục nào mang mã này.{{hint}}'],
  'repeal-valid/notPublished': ['A repeal must end a published version; {{target}} is {{status}}.', 'Việc bãi bỏ phải chấm dứt một phiên bản đã công bố; {{target}} đang ở trạng thái {{status}}.'],
  'repeal-valid/superseded': ['{{code}} was repealed by {{version}}; a later version cannot supersede a repeal. Create the procedure anew with its own first version.', '{{code}} đã bị bãi bỏ bởi {{version}}; phiên bản sau không thể thay thế một phiên bản bãi bỏ. Hãy tạo lại thủ tục với phiên bản đầu tiên của nó.'],
  'require-legal-basis/missingProcedure': ['The procedure cites no legal basis (căn cứ pháp lý).', 'Thủ tục không nêu căn cứ pháp lý.'],
  'require-legal-basis/missingPart': ['This {{part}} cites no legal basis; add legalBasis with the document and article that require it.', '{{part}} này không nêu căn cứ pháp lý; hãy thêm legalBasis với văn bản và điều quy định nó.'],
  'step-time-within-limit/exceeds': ['The steps take {{total}} in all, more than the statutory time limit of {{limit}}.', 'Các bước mất tổng cộng {{total}}, nhiều hơn thời hạn giải quyết theo quy định là {{limit}}.'],
  'supersedes-valid/unknown': ['There is no version "{{target}}" of {{code}} to supersede.', 'Không có phiên bản "{{target}}" của {{code}} để thay thế.'],
  'supersedes-valid/self': ['A version cannot supersede itself.', 'Một phiên bản không thể thay thế chính nó.'],
  'supersedes-valid/cycle': ['The supersedes chain loops back to {{version}}: {{chain}}.', 'Chuỗi thay thế (supersedes) quay lại {{version}}: {{chain}}.'],
  'supersedes-valid/notLater': ['{{version}} (from {{from}}) must take effect after the version it supersedes, {{target}} (from {{targetFrom}}).', '{{version}} (từ {{from}}) phải có hiệu lực sau phiên bản mà nó thay thế, {{target}} (từ {{targetFrom}}).'],
  'supersedes-valid/supersedesUnpublished': ['A {{status}} version cannot be superseded by a published one: {{target}} is {{targetStatus}}.', 'Phiên bản ở trạng thái {{status}} không thể được thay thế bởi một phiên bản đã công bố: {{target}} đang ở trạng thái {{targetStatus}}.'],
  'text-nfc/notNfc': ['Text is not in Unicode NFC (decomposed combining marks); it was normalised on load. Save the file as NFC.', 'Văn bản không ở dạng Unicode NFC (dấu tổ hợp bị tách rời); đã được chuẩn hóa khi đọc. Hãy lưu tệp ở dạng NFC.'],
  'text-nfc/more': ['{{count}} more strings in this file are not in Unicode NFC.', 'Tệp này còn {{count}} chuỗi khác không ở dạng Unicode NFC.'],
  'time-limit-stated/missing': ['This published version states no processing time limit (timeLimit is null); state the limit the law sets.', 'Phiên bản đã công bố này không nêu thời hạn giải quyết (timeLimit là null); hãy ghi thời hạn theo quy định.'],
  'unique-ids/duplicateId': ['The id "{{id}}" is used twice in {{list}}.', 'Mã "{{id}}" được dùng hai lần trong {{list}}.'],
  'unique-ids/duplicateChannel': ['The {{kind}} channel is listed twice; state each channel once.', 'Cách thức {{kind}} được nêu hai lần; mỗi cách thức chỉ nêu một lần.'],
  'unique-version/duplicate': ['{{code}}@{{version}} is defined twice; give this version its own version id.', '{{code}}@{{version}} được khai báo hai lần; hãy đặt cho phiên bản này một mã phiên bản riêng.'],
  'unresolved-uncertainty/uncertain': ['This published version still has an unresolved uncertainty: “{{text}}”.', 'Phiên bản đã công bố này còn nội dung chưa được xác minh: “{{text}}”.'],
  'variant-within-baseline/missingBaseline': ['The baseline {{ref}} does not exist in the catalogue.', 'Danh mục không có phiên bản gốc {{ref}}.'],
  'variant-within-baseline/baselineNotPublished': ['The baseline {{ref}} is {{status}}; a variant must rest on a published version.', 'Phiên bản gốc {{ref}} đang ở trạng thái {{status}}; biến thể địa phương phải dựa trên một phiên bản đã công bố.'],
  'variant-within-baseline/longerTime': ['The variant allows {{variant}} for {{what}}, longer than the baseline’s {{baseline}}.', 'Biến thể cho {{variant}} đối với {{what}}, dài hơn {{baseline}} của phiên bản gốc.'],
  'variant-within-baseline/extraDocument': ['The document "{{name}}" is not in the baseline {{ref}}; a variant cannot add documents.', 'Giấy tờ "{{name}}" không có trong phiên bản gốc {{ref}}; biến thể không được thêm giấy tờ.'],
  'variant-within-baseline/moreCopies': ['The variant asks for {{variant}} of "{{name}}", more than the baseline’s {{baseline}}.', 'Biến thể yêu cầu {{variant}} "{{name}}", nhiều hơn {{baseline}} của phiên bản gốc.'],
  'variant-within-baseline/stricterCopy': ['The variant requires certified copies of "{{name}}"; the baseline does not.', 'Biến thể yêu cầu bản sao có chứng thực của "{{name}}"; phiên bản gốc không yêu cầu.'],
  'variant-within-baseline/lostCondition': ['The baseline requires "{{name}}" only in some cases; the variant requires it always.', 'Phiên bản gốc chỉ yêu cầu "{{name}}" trong một số trường hợp; biến thể luôn yêu cầu.'],
  'variant-within-baseline/lostLookup': ['The baseline obtains "{{name}}" from a database; the variant asks the applicant for it.', 'Phiên bản gốc khai thác "{{name}}" từ cơ sở dữ liệu; biến thể lại yêu cầu người nộp cung cấp.'],
  'variant-within-baseline/higherFee': ['The fee "{{name}}" is {{variant}} đồng, more than the baseline’s {{baseline}} đồng.', 'Khoản phí, lệ phí "{{name}}" là {{variant}} đồng, cao hơn mức {{baseline}} đồng của phiên bản gốc.'],
  'variant-within-baseline/extraFee': ['The fee "{{name}}" is not in the baseline {{ref}}; a variant cannot add fees.', 'Khoản phí, lệ phí "{{name}}" không có trong phiên bản gốc {{ref}}; biến thể không được thêm phí, lệ phí.'],
  'variant-within-baseline/droppedChannel': ['The baseline can be filed {{kind}}; the variant drops that channel.', 'Phiên bản gốc cho nộp hồ sơ theo cách thức {{kind}}; biến thể bỏ cách thức này.'],
};

/** The related places' words ("first defined here"), in Vietnamese. */
const RELATED_VI: Readonly<Record<string, string>> = {
  'first defined here': 'khai báo lần đầu tại đây',
  'first used here': 'dùng lần đầu tại đây',
  'recorded here': 'được ghi tại đây',
};

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

const matchers = new Map<string, RegExp>();

/** The English template as a regular expression that recovers each placeholder's value (a placeholder used twice must match the same text). */
function matcherOf(en: string): RegExp {
  let re = matchers.get(en);
  if (!re) {
    const seen = new Set<string>();
    let source = '';
    let last = 0;
    for (const m of en.matchAll(PLACEHOLDER)) {
      source += en.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const name = m[1]!;
      source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>[\\s\\S]*?)`;
      seen.add(name);
      last = m.index + m[0].length;
    }
    source += en.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`^${source}$`);
    matchers.set(en, re);
  }
  return re;
}

/** Whole values the rules give in English (a channel, a status, what a registry entry is), in Vietnamese. */
const WORDS_VI: Readonly<Record<string, string>> = {
  'in-person': 'trực tiếp',
  online: 'trực tuyến',
  postal: 'qua dịch vụ bưu chính',
  draft: 'dự thảo',
  proposed: 'đề xuất',
  published: 'đã công bố',
  repealed: 'bãi bỏ',
  'The level': 'Cấp thực hiện',
  'The agency': 'Cơ quan',
  'with no end date': 'và chưa có ngày hết hiệu lực',
};

const UNITS_VI: Readonly<Record<string, string>> = { 'calendar days': 'ngày (theo lịch)', 'working day': 'ngày làm việc', 'working days': 'ngày làm việc', day: 'ngày', days: 'ngày', 'working hour': 'giờ làm việc', 'working hours': 'giờ làm việc', month: 'tháng', months: 'tháng' };

/**
 * A placeholder's value in Vietnamese where the rule wrote it in English: whole words (WORDS_VI),
 * "x (lĩnh vực)" as its Vietnamese part, periods ("from A to B"), durations ("5 working days"), and
 * the phrases the rules append (" Did you mean …?", " (replaced by …)", " Its functions passed to …").
 */
function valueVi(value: string): string {
  if (WORDS_VI[value]) return WORDS_VI[value]!;
  let m = /^[A-Za-z ]+ \(([^()]+)\)$/.exec(value);
  if (m) return m[1]!;
  m = /^from (\S+) to (\S+)$/.exec(value);
  if (m) return `từ ${m[1]} đến ${m[2]}`;
  m = /^from (\S+) with no end$/.exec(value);
  if (m) return `từ ${m[1]}, chưa có ngày hết hiệu lực`;
  m = /^from (\S+)$/.exec(value);
  if (m) return `từ ${m[1]}`;
  m = /^until (\S+)$/.exec(value);
  if (m) return `đến ${m[1]}`;
  m = /^(\d+(?:[.,]\d+)?) (working days?|days?|working hours?|months?)$/.exec(value);
  if (m) return `${m[1]!.replace('.', ',')} ${UNITS_VI[m[2]!]}`;
  return value
    .replace(/ Did you mean "([^"]*)"\?/g, ' Có phải ý bạn là "$1"?')
    .replace(/ \(replaced by ([^)]*)\)/g, ' (được thay thế bởi $1)')
    .replace(/ Its functions passed to "([^"]*)"\./g, ' Chức năng được chuyển cho "$1".');
}

/**
 * A lint finding's message in Vietnamese, worked out from the rule's English text; `undefined`
 * when the finding is not a lint rule's, or its text does not match the rule's template.
 */
export function lintMessageVi(d: { ruleId: string; messageId?: string | undefined; message: string }): string | undefined {
  if (!d.messageId) return undefined;
  const entry = LINT_MESSAGES_VI[`${d.ruleId}/${d.messageId}`];
  if (!entry) return undefined;
  const m = matcherOf(entry[0]).exec(d.message);
  if (!m) return undefined;
  const values = m.groups ?? {};
  return entry[1].replace(PLACEHOLDER, (_, name: string) => valueVi(values[name] ?? ''));
}

/** A related place's words in Vietnamese, or as they are. */
export function relatedVi(message: string): string {
  return RELATED_VI[message] ?? message;
}

/** JSON types and the values the schema messages describe (rules/schema/validators.ts describeValue), in Vietnamese. */
function typeVi(text: string): string {
  const TYPES: Record<string, string> = { string: 'chuỗi', number: 'số', integer: 'số nguyên', boolean: 'giá trị đúng/sai', object: 'đối tượng', array: 'danh sách', null: 'null' };
  return text
    .split(' or ')
    .map((t) => TYPES[t] ?? t)
    .join(' hoặc ');
}

function foundVi(text: string): string {
  if (text === 'nothing') return 'không có gì';
  if (text === 'an object') return 'một đối tượng';
  if (text === 'null') return 'null';
  let m = /^an array of (\d+)$/.exec(text);
  if (m) return `một danh sách ${m[1]} phần tử`;
  m = /^(string|number|integer|boolean) ([\s\S]*)$/.exec(text);
  if (m) return `${typeVi(m[1]!)} ${m[2]}`;
  return text;
}

const hintsVi = (text: string) => text.replace(/ Did you mean "([^"]*)"\?/g, ' Có phải ý bạn là "$1"?');

/** The schema messages (rules/schema/validators.ts toIssue), as patterns over their English text. */
const SCHEMA_VI: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Missing required property "([^"]*)"\.$/, (m) => `Thiếu thuộc tính bắt buộc "${m[1]}".`],
  [/^Unknown property "([^"]*)"\.([\s\S]*)$/, (m) => `Thuộc tính "${m[1]}" không có trong lược đồ.${hintsVi(m[2]!)}`],
  [/^Expected a real calendar date as YYYY-MM-DD, found ([\s\S]*)\.$/, (m) => `Cần một ngày có thật dạng YYYY-MM-DD, nhận được ${foundVi(m[1]!)}.`],
  [/^Expected one of ([\s\S]*), found ([\s\S]*?)\.([\s\S]*)$/, (m) => `Cần một trong các giá trị ${m[1]}, nhận được ${foundVi(m[2]!)}.${hintsVi(m[3]!)}`],
  [/^Expected format (\S+), found ([\s\S]*)\.$/, (m) => `Cần định dạng ${m[1]}, nhận được ${foundVi(m[2]!)}.`],
  [/^Expected (string|number|integer|boolean|object|array|null(?: or (?:string|number|integer|boolean|object|array|null))*), found ([\s\S]*)\.$/, (m) => `Cần ${typeVi(m[1]!)}, nhận được ${foundVi(m[2]!)}.`],
  [/^Expected ([\s\S]*?), found ([\s\S]*?)\.([\s\S]*)$/, (m) => `Cần ${m[1]}, nhận được ${foundVi(m[2]!)}.${m[3]}`],
  [/^Must be (\S+) (\S+), found ([\s\S]*)\.$/, (m) => `Phải ${m[1]} ${m[2]}, nhận được ${foundVi(m[3]!)}.`],
  [/^Must not be empty\.$/, () => 'Không được để trống.'],
  [/^Must be at least (\d+) characters long\.$/, (m) => `Phải có ít nhất ${m[1]} ký tự.`],
  [/^Must be at most (\d+) characters long, found (\d+)\.$/, (m) => `Chỉ được có tối đa ${m[1]} ký tự, nhận được ${m[2]}.`],
  [/^Must list at least (\d+) items?\.$/, (m) => `Phải có ít nhất ${m[1]} phần tử.`],
  [/^Must list at most (\d+) items, found (\d+)\.$/, (m) => `Chỉ được có tối đa ${m[1]} phần tử, nhận được ${m[2]}.`],
  [/^Duplicate item: items (\d+) and (\d+) are identical\.$/, (m) => `Phần tử lặp lại: phần tử ${m[1]} và ${m[2]} giống hệt nhau.`],
  [/^A fact comparison needs "fact" and exactly one operator: equals, notEquals, in, gte, lte, gt or lt\.$/, () => 'Một phép so sánh thông tin cần "fact" và đúng một phép toán: equals, notEquals, in, gte, lte, gt hoặc lt.'],
  [/^Must have (at least|at most) (\d+) properties\.$/, (m) => `Phải có ${m[1] === 'at least' ? 'ít nhất' : 'tối đa'} ${m[2]} thuộc tính.`],
];

/** A schema finding's message (ruleId schema/…) in Vietnamese; `undefined` when no pattern matches. */
export function schemaMessageVi(message: string): string | undefined {
  for (const [re, word] of SCHEMA_VI) {
    const m = re.exec(message);
    if (m) return word(m);
  }
  return undefined;
}
