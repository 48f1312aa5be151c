/**
 * Thông báo của tthc bằng tiếng Việt (mặc định). Same keys and parameters as en.ts (the type checks
 * it). Wording follows administrative usage: "Hạn giải quyết", "Thời hạn giải quyết", "ngày làm
 * việc", "tiếp nhận hồ sơ", "cách thức thực hiện", "căn cứ"; dates in messages stay YYYY-MM-DD where
 * they echo what the user typed, so they can be copied back into a command.
 */
import type { Resolution } from '../../rules/compute/resolve.js';
import { STATUS_VI } from '../../rules/text/vi/procedure.js';
import type { ErrorMessages, Messages } from './en.js';

/** Where a date was given, as the library names it, in Vietnamese; option names stay as typed. */
function where(what: string): string {
  const fixed: Record<string, string> = { 'The date': 'Ngày', 'The submission date': 'Ngày nộp hồ sơ', 'The effective date': 'Ngày có hiệu lực' };
  if (fixed[what]) return fixed[what]!;
  const n = /^(Supplement request|Resubmission) (\d+)$/.exec(what);
  if (n) return `${n[1] === 'Supplement request' ? 'Yêu cầu bổ sung' : 'Lần nộp bổ sung'} thứ ${n[2]}`;
  return what;
}

/** Why a change is outside the issuer's scope (rules/compute/announcement.ts outsideScope), in Vietnamese. */
function scopeVi(reason: string): string {
  let m = /^performed at the (.*) level, above the (.*) level of (.*)$/.exec(reason);
  if (m) return `được thực hiện ở cấp ${m[1]}, cao hơn cấp ${m[2]} của ${m[3]}`;
  m = /^in the sector of (\S+) \((.*)\)$/.exec(reason);
  if (m) return `thuộc lĩnh vực quản lý của ${m[1]} (${m[2]})`;
  m = /^announced by (\S+) \((.*)\) itself: its sector is organised vertically$/.exec(reason);
  if (m) return `do ${m[1]} (${m[2]}) tự công bố vì tổ chức theo ngành dọc`;
  m = /^its field names no managing ministry and none of its agencies belongs to (.*)$/.exec(reason);
  if (m) return `thuộc lĩnh vực không nêu bộ quản lý và không có cơ quan thực hiện nào trực thuộc ${m[1]}`;
  return reason;
}

const guess = (suggestion: unknown) => (suggestion ? ` Có phải ý bạn là "${String(suggestion)}"?` : '');

/** Why a folder cannot be a build's --out or --cache-dir (generators/build.ts forbiddenFolder). */
const FOLDER_WHY: Record<string, string> = { root: 'là thư mục gốc của hệ thống tệp', system: 'là thư mục hệ thống hoặc thư mục nhà', 'in-system': 'nằm trong một thư mục hệ thống' };

/** Which version is in force on a day, or why none is (rules/compute/resolve.ts), in Vietnamese. */
export function resolutionVi(r: Resolution): string {
  switch (r.kind) {
    case 'in-force': {
      const w = r.window;
      const until = w.until
        ? `đến ${w.until}${w.endsBecause === 'superseded' ? ` (được thay thế bởi phiên bản ${w.supersededBy?.data.version} từ ${w.supersededBy?.data.effective?.from})` : ''}`
        : 'và chưa có ngày hết hiệu lực';
      const c = r.correction?.data.corrects;
      const corrected = r.correction && c ? ` Nội dung áp dụng là bản đính chính ${r.correction.data.version} (ghi nhận ngày ${c.recorded}), thay nội dung đã ghi của ${r.original.data.version} từ ngày ${c.from}.` : '';
      const later = r.laterCorrections.length > 0 ? ` Theo danh mục ghi nhận đến ngày ${r.recordedAt}; sau đó đã được đính chính bởi ${r.laterCorrections.map((x) => `${x.data.version} (ghi nhận ngày ${x.data.corrects?.recorded})`).join(', ')}.` : '';
      return `${r.code}@${r.original.data.version} có hiệu lực ngày ${r.date}: từ ${w.from} ${until}.${corrected}${later}`;
    }
    case 'not-yet-in-force':
      return `${r.code} chưa có hiệu lực ngày ${r.date}: phiên bản được công bố đầu tiên, ${r.first.version.data.version}, có hiệu lực từ ${r.first.from}.`;
    case 'repealed':
      return `${r.code} đã bị bãi bỏ vào ngày ${r.date}: bãi bỏ từ ${r.since} theo ${r.tombstone.data.changedBy?.legalBasis.map((l) => l.document).join(', ') ?? 'một văn bản chưa được nêu'} (phiên bản ${r.tombstone.data.version}).`;
    case 'lapsed':
      return `${r.code} không có hiệu lực ngày ${r.date}: phiên bản ${r.last.version.data.version} hết hiệu lực ngày ${r.last.until} và chưa có phiên bản nào sau đó được công bố.`;
    case 'no-published-version':
      return `${r.code} chưa có phiên bản nào được công bố; chỉ có ${r.drafts.map((d) => `${d.data.version} (${STATUS_VI[d.data.status]})`).join(', ')}.`;
    case 'unknown-code':
      return `Danh mục không có thủ tục ${r.code}.${r.hint.replace(/^ Did you mean "(.*)"\?$/, ' Có phải ý bạn là "$1"?')}`;
  }
}

const MONTH_DAYS = (days: number) => `${days} ngày`;

export const vi: Messages = {
  programDescription: 'Quy định thủ tục hành chính dưới dạng mã (rules-as-code): kiểm tra, tính toán, xuất bản.',
  langOption: 'ngôn ngữ của thông báo: vi (mặc định) hoặc en; cũng có thể đặt TTHC_LANG=en',
  versionOption: 'in số phiên bản',
  helpOption: 'xem hướng dẫn của lệnh',
  helpCommand: 'xem hướng dẫn của lệnh',
  helpTitles: { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Tham số:', 'Global Options:': 'Tùy chọn chung:' },
  helpWords: { options: '[tùy chọn]', command: '[lệnh]', default: 'mặc định' },
  argCatalogue: 'thư mục danh mục thủ tục',
  optCatalogueDir: 'thư mục danh mục thủ tục',
  optFormat: (formats: string) => `${formats}`,
  optMaxFileSize: 'kích thước lớn nhất (byte) của một tệp phiên bản thủ tục được đọc',
  optFact: 'một thông tin về người nộp hoặc hồ sơ, dạng khóa=giá trị (dùng được nhiều lần)',
  optCalendar: 'tệp lịch làm việc (mặc định: <dir>/calendars/vn.json)',
  guess: (x: string) => ` Có phải ý bạn là "${x}"?`,
  argCode: 'mã thủ tục',
  statusName: (status: string) => (STATUS_VI as Record<string, string>)[status] ?? status,

  validate: {
    description: 'Kiểm tra danh mục: cú pháp JSON, lược đồ và mọi quy tắc kiểm tra. Mã thoát 0 khi không có lỗi, 1 khi có lỗi, 2 khi dùng sai lệnh hoặc không đọc được tệp.',
    format: 'stylish (cho người đọc) hoặc json (cho máy)',
    strict: 'coi cảnh báo về vấn đề là lỗi (dùng trong CI)',
    cache: 'ghi nhớ kết quả kiểm tra để lần sau chỉ đọc và kiểm tra các tệp đã thay đổi (kết quả không đổi)',
    cacheDir: 'nơi --cache lưu kết quả',
  },
  build: {
    description: 'Kiểm tra danh mục rồi xuất danh mục công khai, trang chi tiết, lược đồ tờ khai điện tử và API JSON cho cổng dịch vụ công vào --out (thay toàn bộ khi xuất bản thành công).',
    out: 'thư mục kết quả',
    at: 'thể hiện danh mục có hiệu lực vào ngày này, YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam)',
    noCache: 'tạo lại toàn bộ, không dùng lại kết quả không đổi của lần xuất bản trước',
    cacheDir: 'thư mục bộ nhớ đệm (mặc định: .<out>.tthc-cache cạnh thư mục kết quả)',
    baseUrl: 'địa chỉ tuyệt đối nơi phục vụ kết quả, dùng cho liên kết trong JSON-LD',
    strict: 'coi cảnh báo về vấn đề là lỗi',
    preview:
      'bản xem trước để rà soát, không để công bố: thủ tục chưa có phiên bản công bố được thể hiện theo dự thảo mới nhất, có đánh dấu dự thảo; tệp phiên bản có lỗi bị bỏ ra và được liệt kê (lỗi trong danh mục dùng chung, tệp khóa hoặc lịch vẫn làm dừng việc xuất bản)',
    format: 'cách in các lỗi khi việc xuất bản bị từ chối: stylish hoặc json',
    sign: 'ký manifest.json bằng khóa bí mật Ed25519 này (PEM), chữ ký ghi vào manifest.json.sig bên cạnh (tạo khóa bằng tthc keygen)',
    signed: (file: string) => `Đã ký: ${file} (chữ ký Ed25519 của manifest.json; kiểm tra bằng tthc verify --output <thư mục> --key <khóa công khai>)`,
    valid: (counts: string) => `tthc build: danh mục hợp lệ (${counts})`,
    counts: (versions: number, procedures: number, warnings: number) => `${versions} phiên bản của ${procedures} thủ tục${warnings > 0 ? `, ${warnings} cảnh báo` : ''}`,
    previewLeftOut: (errors: number, files: number, counts: string) => `tthc build: bản xem trước: ${errors} lỗi trong ${files} tệp phiên bản, các tệp này bị bỏ ra (${counts})`,
    generatorDone: (id: string, files: number, rendered: number, reused: number, seconds: string) => `tthc build: ${id}: ${files} tệp (${rendered} tạo mới, ${reused} không đổi) trong ${seconds.replace('.', ',')} giây`,
    finishing: 'tthc build: đang ghi bảng kê (manifest) và thay thư mục kết quả',
    builtHead: (preview: boolean, procedures: number, inForce: number, at: string, drafts: number, out: string, seconds: string) =>
      `Đã xuất ${preview ? 'bản xem trước của ' : ''}${procedures} thủ tục (${inForce} thủ tục có hiệu lực ngày ${at}${drafts > 0 ? `, ${drafts} thể hiện theo dự thảo` : ''}) vào ${out}/ trong ${seconds.replace('.', ',')} giây:`,
    tableHeader: ['đầu ra', 'số tệp', 'dung lượng', 'tạo mới', 'không đổi'],
    manifestRow: 'bảng kê',
    totalRow: 'tổng',
    output: (out: string) => `Thư mục kết quả: ${out}`,
    manifestWhat: 'mã SHA-256 của mọi tệp, để đồng bộ từng phần',
    outputs: {
      api: 'API JSON cho cổng dịch vụ công: chỉ mục phân trang, thủ tục, phiên bản (kèm lược đồ tờ khai trực tuyến của phiên bản đang có hiệu lực và phiên bản kế tiếp), dòng thay đổi và lược đồ JSON',
      'form-schemas': 'kiểu TypeScript của tờ khai trực tuyến của phiên bản đang có hiệu lực và phiên bản kế tiếp của mọi thủ tục',
      listing: 'danh mục thủ tục hành chính công khai có hiệu lực vào ngày xuất bản, dạng Markdown, HTML và CSV',
      'simplification-report': 'báo cáo đơn giản hóa của mọi phương án, dạng Markdown, HTML và JSON',
      site: 'trang công khai: tra cứu, mỗi thủ tục một trang (đủ các bộ phận theo thứ tự Phần II, JSON-LD schema.org, công cụ tính hạn giải quyết, lịch sử phiên bản và từng thay đổi), xem trước tờ khai, bảng theo dõi đơn giản hóa, trang cho nhà phát triển và tài liệu hướng dẫn (site/docs/)',
    },
    leftOutHead: (files: number, errors: number) => `Bỏ ra khỏi bản xem trước: ${files} tệp phiên bản có ${errors} lỗi (\`tthc validate\` liệt kê các lỗi):`,
    leftOutMore: (n: number) => `  … và ${n} tệp khác`,
    previewNote: 'Đây là bản xem trước: dự thảo chưa có giá trị pháp lý. Hãy công bố các phiên bản (tthc publish) trước khi xuất bản danh mục công khai.',
    warnings: (n: number) => `Danh mục có ${n} cảnh báo: chạy \`tthc validate\` để xem.`,
    refusedPreview: (errors: number) => `${errors} lỗi (liệt kê ở trên), có lỗi nằm ngoài các tệp phiên bản thủ tục (danh mục dùng chung, tệp khóa, lịch) mà bản xem trước không thể bỏ ra`,
    interrupted: (signal: string) => `lệnh build bị ngắt (${signal}): thư mục tạm đã được xóa, thư mục kết quả vẫn như trước lần build này.`,
    afterSwap: {
      'cache-not-saved': (path: string, detail: string) => `cảnh báo: kết quả mới đã vào chỗ, nhưng không lưu được bộ nhớ đệm ${path} (${detail}); lần build sau sẽ dựng lại nhiều hơn cần thiết.`,
      'old-not-removed': (path: string, detail: string) => `cảnh báo: kết quả mới đã vào chỗ, nhưng không xóa được kết quả cũ đã chuyển sang ${path} (${detail}); lần build sau sẽ xóa nó.`,
    },
    refused: (errors: number) => `danh mục có ${errors} lỗi (liệt kê ở trên)`,
    refusedHint: ' Để rà soát một danh mục chưa sẵn sàng công bố (vừa nhập), hãy xuất bản xem trước bằng --preview.',
    refusedLine: (why: string, dir: string, hint: string) => `từ chối xuất bản: ${why}; chưa ghi tệp nào. Hãy sửa các lỗi, hoặc kiểm tra bằng \`tthc validate ${dir}\`.${hint}`,
    watch: 'giữ danh mục trong bộ nhớ và xuất bản lại mỗi khi một tệp trong đó được lưu (Ctrl+C để dừng); danh mục có lỗi thì in lỗi ra và giữ nguyên kết quả đúng gần nhất',
    quiet: 'chỉ in lỗi (không in tiến độ, không in bảng tóm tắt)',
    watching: (dir: string) => `tthc build: đang theo dõi ${dir}: mỗi tệp được lưu sẽ được xuất bản lại. Nhấn Ctrl+C để dừng.`,
    savedFiles: (files: readonly string[]) => (files.length === 0 ? 'danh mục' : files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} và ${files.length - 3} tệp khác`),
    rebuilt: (files: string, seconds: string, rendered: number, reused: number) => `tthc build: ${files}: đã xuất bản lại trong ${seconds.replace('.', ',')} giây (${rendered} tạo mới, ${reused} không đổi)`,
    watchRefused: (errors: number, out: string) => `tthc build: danh mục có ${errors} lỗi (liệt kê ở trên): chưa ghi gì, kết quả đúng gần nhất trong ${out} được giữ nguyên; tiếp tục theo dõi.`,
    watchFailed: (detail: string) => `tthc build: không xuất bản lại được (${detail}); kết quả trước được giữ nguyên; tiếp tục theo dõi.`,
    watchStopped: 'tthc build: đã dừng theo dõi; thư mục kết quả vẫn hoàn chỉnh.',
  },
  progress: {
    seconds: (n: number) => `${n} giây`,
    elapsed: (t: string) => `đã chạy ${t}`,
    left: (t: string) => `, còn khoảng ${t}`,
  },
  serve: {
    description: 'Phục vụ trang đã xuất bản trên máy này (http://127.0.0.1:<port>/) để xem bằng trình duyệt; Ctrl+C để dừng.',
    dir: 'thư mục trang, hoặc thư mục kết quả có chứa site/',
    port: 'cổng lắng nghe (0 để chọn một cổng trống)',
    badPort: (port: string) => `--port phải là số nguyên từ 0 đến 65535, nhận được "${port}".`,
    notFolder: (dir: string) => `${dir} không phải là thư mục. Hãy xuất bản trang trước (npm start, hoặc tthc build --out build), rồi chạy tthc serve build/site.`,
    inUse: (port: number) => `Cổng ${port} đang được dùng: hãy chọn cổng khác bằng --port.`,
    serving: (root: string, url: string) => `Đang phục vụ ${root} tại ${url}index.html (chỉ trên máy này). Nhấn Ctrl+C để dừng.`,
    watch: 'trước hết xuất bản danh mục vào thư mục kết quả này, xuất bản lại mỗi khi một tệp được lưu, và tải lại các trang đang mở sau mỗi lần xuất bản lại',
    catalogue: 'dùng với --watch: thư mục danh mục để xuất bản và theo dõi',
    at: 'dùng với --watch: thể hiện danh mục có hiệu lực vào ngày này, YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam)',
    preview: 'dùng với --watch: xuất bản bản xem trước có thể hiện dự thảo (xem tthc build --preview), để xem dự thảo ngay khi sửa',
    noSite: (dir: string) => `lần xuất bản không tạo ra ${dir}; hãy sửa danh mục (các lỗi được liệt kê ở trên) rồi chạy lại tthc serve --watch.`,
  },
  lock: {
    description: 'Ghi mã SHA-256 của mọi phiên bản đã công bố vào tthc.lock.json, để phát hiện chỉnh sửa về sau.',
    init: 'tạo tệp khóa cho một danh mục mới (thiếu tùy chọn này, lệnh từ chối khi đã có phiên bản công bố mà không có tệp khóa)',
    notUpdated: 'tệp khóa chưa được cập nhật: hãy khôi phục các phiên bản đã công bố nêu trên trước.',
    upToDate: (n: number) => `Tệp khóa đã cập nhật: ghi nhận ${n} phiên bản đã công bố.`,
    recorded: (n: number, path: string) => `Đã ghi nhận ${n} phiên bản đã công bố vào ${path}:`,
  },
  verify: {
    description:
      'Đối chiếu danh mục với một mốc bên ngoài: tệp khóa với tệp khóa tại một tham chiếu git (mặc định: nhánh upstream, nếu không có thì thẻ gần nhất); với --output, đối chiếu thư mục kết quả với bảng kê đã ký. Mã thoát 0 khi khớp, 1 khi có sai khác, 2 khi đầu vào không hợp lệ.',
    against: 'tham chiếu git có tệp khóa để đối chiếu (nhánh, thẻ hoặc commit; mặc định: @{upstream}, nếu không có thì thẻ gần nhất)',
    output: 'thư mục kết quả cần đối chiếu với bảng kê đã ký (cần --key)',
    key: 'khóa công khai Ed25519 (PEM) đã dùng để ký bản phát hành',
    format: 'text (văn bản) hoặc json',
    needKey: '--output cần --key <tệp khóa công khai>: chỉ tin bảng kê sau khi đã kiểm tra chữ ký.',
    lockHead: (lock: string, ref: string, commit: string) => `tthc verify: đối chiếu ${lock} với ${ref} (commit ${commit})`,
    anchorNoLock: (ref: string) => `  ${ref} chưa có tệp khóa: mọi mục đều mới kể từ đó.`,
    lockMissing: (lock: string) => `  Không có ${lock}: mọi mục của tham chiếu đều đã mất.`,
    changed: 'bị sửa',
    moved: 'bị chuyển',
    vanished: 'bị mất',
    added: 'mới',
    lockClean: (ref: string, unchanged: number, added: number) => `✔ Tệp khóa khớp với ${ref}: ${unchanged} phiên bản đã công bố không thay đổi${added > 0 ? `, ${added} phiên bản công bố sau đó (mục mới)` : ''}.`,
    lockFindings: (n: number, ref: string) =>
      `✖ ${n} phiên bản đã công bố bị sửa hoặc bị mất kể từ ${ref}: phiên bản đã công bố không được thay đổi. Hãy khôi phục từ ${ref} (git checkout ${ref} -- <tệp> tthc.lock.json), hoặc công bố thay đổi thành một phiên bản mới (tthc new-version).`,
    outputHead: (out: string, key: string) => `tthc verify: đối chiếu ${out} với bảng kê đã ký, khóa ${key}`,
    signatureMissing: (file: string) => `✖ Không có ${file}: thư mục kết quả chưa được ký (tthc build --sign <khóa bí mật>). Chưa kiểm tra tệp nào.`,
    signatureInvalid: (sig: string, manifest: string, key: string) => `✖ ${sig} không phải là chữ ký của ${manifest} theo khóa ${key}: bảng kê đã bị sửa, hoặc được ký bằng khóa khác. Chưa kiểm tra tệp nào.`,
    missing: 'thiếu',
    differs: 'bị sửa',
    unlisted: 'ngoài bảng kê',
    badPath: 'đường dẫn sai',
    notRegular: 'không phải tệp thông thường',
    bytes: (a: number, b: number) => `${a} → ${b} byte`,
    outputClean: (checked: number) => `✔ Chữ ký hợp lệ; cả ${checked} tệp trong bảng kê đều khớp (SHA-256 và kích thước), và không có tệp nào khác.`,
    outputFindings: (missing: number, changed: number, unlisted: number) =>
      `✖ Thư mục kết quả không phải là bản đã ký: thiếu ${missing} tệp, ${changed} tệp bị sửa, ${unlisted} tệp ngoài bảng kê.`,
  },
  keygen: {
    description: 'Tạo cặp khóa Ed25519 để ký bản phát hành (tthc build --sign): <tiền tố>.private.pem (giữ bí mật) và <tiền tố>.public.pem (công bố).',
    out: 'nơi ghi khóa: <tiền tố>.private.pem và <tiền tố>.public.pem',
    exists: (file: string) => `${file} đã tồn tại: khóa không bao giờ bị ghi đè. Hãy chọn --out khác, hoặc xóa tệp đó.`,
    written: (priv: string, pub: string) => `Đã ghi khóa bí mật ${priv} (chỉ bạn đọc được; không đưa vào kho mã) và khóa công khai ${pub} (công bố cùng các bản phát hành).`,
  },
  publish: {
    description: 'Công bố một phiên bản dự thảo hoặc đề xuất (chuyển trạng thái thành đã công bố và ghi vào tệp khóa) nếu không có lỗi.',
    ref: 'phiên bản, dạng <mã>@<phiên bản>',
    notPublished: (ref: string) => `${ref} chưa được công bố: hãy sửa các lỗi nêu trên trước.`,
    published: (ref: string, path: string, lock: string) => `Đã công bố ${ref} (${path}) và ghi vào ${lock}.`,
  },
  newVersion: {
    description: 'Tạo phiên bản dự thảo mới của một thủ tục từ một phiên bản có sẵn; phiên bản mới thay thế phiên bản đó.',
    from: 'phiên bản làm gốc',
    id: 'mã của phiên bản mới (mặc định: vN tiếp theo)',
    effective: 'ngày có hiệu lực của phiên bản mới (YYYY-MM-DD)',
    created: (ref: string, path: string, from: string) => `Đã tạo dự thảo ${ref} tại ${path}, thay thế ${from}. Hãy chỉnh sửa, rồi chạy: tthc publish ${ref}`,
    noSource: (code: string, from: string, versions: string) => `Không có phiên bản ${code}@${from} để làm gốc. ${versions ? `Các phiên bản của ${code}: ${versions}.` : `Danh mục không có phiên bản nào của ${code}.`}`,
    blockersHead: (n: number, ref: string, from: string) => `Nội dung sao chép vào ${ref} mà tthc publish sẽ từ chối nếu giữ nguyên (hiệu lực từ ${from}): ${n} vấn đề; cần sửa dự thảo trước khi công bố:`,
    noEffective: (ref: string) => `${ref} chưa có ngày có hiệu lực: hãy điền effective.from (hoặc dùng --effective); khi đó tthc validate sẽ cho biết những gì tthc publish sẽ từ chối.`,
  },
  due: {
    description: 'Tính hạn giải quyết theo lịch làm việc của Việt Nam, có giải thích: từ một số ngày, hoặc từ thời hạn giải quyết của phiên bản thủ tục có hiệu lực vào ngày nộp hồ sơ.',
    code: 'mã thủ tục (dùng thời hạn giải quyết của thủ tục theo cách thức nộp và các thông tin đã cho)',
    from: 'ngày nộp hồ sơ, YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam, UTC+7)',
    days: 'thời hạn giải quyết, khi không nêu mã thủ tục',
    unit: 'đơn vị của --days: working (ngày làm việc), calendar (ngày), hours (giờ làm việc) hoặc months (tháng); mặc định working',
    channel: 'in-person (trực tiếp), online (trực tuyến) hoặc postal (bưu chính); dùng cùng mã thủ tục; mặc định in-person',
    supplement: 'một lần yêu cầu bổ sung hồ sơ và ngày nộp bổ sung, ví dụ 2025-03-04T10:00/2025-03-10 (dùng được nhiều lần)',
    cutoff: 'giờ tiếp nhận cuối ngày để tính là tiếp nhận trong ngày (mặc định theo lịch: 15:00)',
    officeHours: 'giờ làm việc, ví dụ 08:00-12:00,13:00-17:00 (mặc định theo lịch)',
    format: 'text (văn bản) hoặc json',
    needFrom: 'Hãy cho biết ngày nộp hồ sơ: --from YYYY-MM-DD hoặc --from YYYY-MM-DDTHH:MM.',
    needDays: 'Hãy cho biết --days <N> (kèm --unit working|calendar|hours|months), hoặc mã thủ tục để dùng thời hạn giải quyết của thủ tục.',
    channelNeedsCode: '--channel và --fact áp dụng cho một thủ tục: hãy nêu mã thủ tục, ví dụ tthc due 1.001193 --from 2025-01-24.',
    unknownUnit: (unit: string) => `Không có đơn vị "${unit}": dùng working, calendar, hours hoặc months.`,
    codeAndDays: (code: string) => `Chỉ nêu mã thủ tục hoặc --days, không nêu cả hai: ${code} đã có thời hạn giải quyết riêng.`,
    daysNumber: (text: string) => `--days phải là một số, nhận được "${text}".`,
    daysNegative: (text: string) => `--days phải từ 0 trở lên, nhận được ${text}.`,
    daysTooMany: (text: string) => `--days không được quá 10000, nhận được ${text}.`,
    timeLimit: (text: string, kase: string | null | undefined, ownChannel: boolean, basis: string) =>
      `Thời hạn giải quyết: ${text}${kase ? ` (trường hợp: ${kase})` : ''}, ${ownChannel ? 'thời hạn riêng của cách thức nộp này' : 'thời hạn chung của thủ tục'}${basis ? `; căn cứ: ${basis}` : ''}`,
    dueLine: (date: string, at: string | null, provisional: boolean) => `Hạn giải quyết: ${date}${at ? ` lúc ${at}` : ''}${provisional ? '  (dự kiến)' : ''}`,
    receivedLine: (date: string, at: string | null, reason: string) => `Ngày tiếp nhận: ${date}${at ? ` lúc ${at}` : ''}. ${reason}`,
    passedOver: (date: string, reason: string) => `  bỏ qua ngày ${date}: ${reason}`,
    rule: (rule: string) => `Cách tính: ${rule}`,
    counted: (days: string) => `Ngày làm việc được tính: ${days}`,
    skippedHead: (n: number) => `Ngày không tính (${n} ngày):`,
    skippedDay: (date: string, reason: string, source: string) => `  ${date}: ${reason}${source === 'derived' ? ' (suy ra theo quy định)' : source === 'assumed' ? ' (giả định, chưa được xác nhận)' : ''}`,
    skippedNone: 'Ngày không tính: không có',
    paused: (requested: string, resubmitted: string, resumed: string, at: string | null) => `Tạm dừng: yêu cầu bổ sung hồ sơ ngày ${requested}, nộp bổ sung ngày ${resubmitted}; tính tiếp từ sau ngày ${resumed}${at ? ` lúc ${at}` : ''}.`,
    warning: (message: string) => `Cảnh báo: ${message}`,
    basis: (basis: string) => `Căn cứ: ${basis}`,
    calendarLine: (id: string, hours: string, cutoff: string, provisional: boolean) =>
      `Lịch làm việc: ${id}; giờ làm việc ${hours}; giờ tiếp nhận cuối ngày ${cutoff}.${provisional ? '' : ' Mọi ngày được xét đều thuộc lịch nghỉ chính thức đã công bố: kết quả không phải là dự kiến.'}`,
    provisionalLine: (reason: string) => `Dự kiến: ${reason}`,
  },
  show: {
    description: 'Hiển thị phiên bản của thủ tục có hiệu lực vào một ngày; nói rõ khi không có phiên bản nào có hiệu lực (chưa có hiệu lực, đã bãi bỏ), kèm các ngày. Mã thoát 1 khi không có phiên bản nào có hiệu lực.',
    at: 'ngày cần xem, YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam)',
    format: 'md hoặc json',
    lastInForce: (version: string, from: string, until: string | null) => `Phiên bản có hiệu lực cuối cùng là ${version}, từ ${from} đến ${until ?? 'khi bãi bỏ'}.`,
  },
  applicant: {
    at: 'ngày nộp hồ sơ, YYYY-MM-DD: áp dụng phiên bản có hiệu lực vào ngày đó (mặc định: hôm nay theo giờ Việt Nam)',
    channel: 'in-person (trực tiếp), online (trực tuyến) hoặc postal (bưu chính); mặc định in-person',
    format: 'text (văn bản) hoặc json',
    procedureLine: (ref: string, name: string, date: string, from: string, until: string | null) => `${ref} ${name}: có hiệu lực ngày ${date} (từ ${from}${until ? ` đến ${until}` : ''})`,
    channelLine: (channel: string, defaulted: boolean, facts: string) => `Cách thức nộp: ${channel}${defaulted ? ' (mặc định; chọn bằng --channel)' : ''}${facts ? `; thông tin: ${facts}` : ''}`,
    channelName: (kind: string) => ({ 'in-person': 'trực tiếp', online: 'trực tuyến', postal: 'qua dịch vụ bưu chính' })[kind] ?? kind,
    factDefault: ' (mặc định)',
    notesHead: 'Chưa được mô hình hóa hoặc chưa được xác minh (theo ghi chú của đặc tả):',
    asRecorded: 'xem danh mục như đã ghi nhận vào ngày này, YYYY-MM-DD: bỏ qua các bản đính chính ghi nhận sau ngày đó (mặc định: như hiện nay)',
    knownAt: 'như --as-recorded',
    correctionLine: (record: string, corrects: string, from: string, recorded: string, basis: string, reason: string) =>
      `Đã đính chính (${record}, ghi nhận ngày ${recorded}): thay nội dung đã ghi của ${corrects} từ ngày ${from}; căn cứ: ${basis}. ${reason}`,
    originalLine: (recorded: string) => `Nội dung như đã ghi trước khi đính chính: thêm --as-recorded ${recorded}.`,
    laterLine: (at: string, later: string) => `Theo danh mục ghi nhận đến ngày ${at}; sau đó đã được đính chính bởi ${later} (bỏ --as-recorded để áp dụng bản đính chính).`,
  },
  fee: {
    description: 'Phí, lệ phí người nộp phải trả, đã áp dụng các trường hợp miễn, kèm căn cứ pháp lý.',
    free: 'Không có phí, lệ phí: thủ tục miễn phí.',
    variable: 'phải nộp, mức thu do địa phương quy định',
    notRecorded: 'phải nộp, mức thu chưa được ghi trong danh mục',
    exempt: 'được miễn',
    notApplicable: 'không áp dụng',
    exemptionBasis: (cite: string) => `  Căn cứ miễn: ${cite}`,
    basis: (cites: string) => `  Căn cứ: ${cites}`,
    total: (sum: string, left: false | 'local' | 'unrecorded' | 'both') =>
      `Tổng cộng: ${sum}${left === 'local' ? ', cộng các khoản do địa phương quy định nêu trên' : left === 'unrecorded' ? ', cộng các khoản nêu trên chưa có mức thu trong danh mục' : left === 'both' ? ', cộng các khoản nêu trên do địa phương quy định hoặc chưa có mức thu trong danh mục' : ''}`,
  },
  dossier: {
    description: 'Thành phần hồ sơ người nộp phải mang theo, các giấy tờ được khai thác từ cơ sở dữ liệu thay cho việc nộp, và lý do.',
    sets: (n: number) => `Số bộ hồ sơ: ${n}`,
    bring: (n: number) => (n > 0 ? `Giấy tờ phải nộp, xuất trình (${n}):` : 'Không phải nộp giấy tờ nào.'),
    status: { submit: 'nộp', present: 'xuất trình', 'looked-up': 'không phải nộp: cơ quan khai thác từ cơ sở dữ liệu', 'not-required': 'không yêu cầu' },
    notNeeded: 'Không phải nộp:',
    basis: (cites: string) => `     Căn cứ: ${cites}`,
  },
  diff: {
    description:
      'Những gì một phiên bản thay đổi so với phiên bản khác: thành phần hồ sơ, các bước, thời hạn, phí, lệ phí, dịch vụ công trực tuyến, chi phí tuân thủ; mỗi thay đổi được phân loại (cắt giảm, thắt chặt, bổ sung gánh nặng, biên tập) kèm căn cứ pháp lý. Tham chiếu là một tệp, <mã>@<phiên bản>, <mã>@<YYYY-MM-DD> (phiên bản có hiệu lực ngày đó) hoặc mã phương án; chỉ nêu một tham chiếu thì so sánh với phiên bản chuẩn của nó. Mã thoát 1 khi phương án hoặc biến thể bổ sung gánh nặng so với phiên bản chuẩn.',
    a: 'phiên bản chuẩn (hoặc, khi chỉ nêu một tham chiếu, phiên bản cần so với phiên bản chuẩn của nó)',
    b: 'phiên bản được so sánh với a',
    format: 'md, html hoặc json',
    regression: (after: string, before: string, n: number) => `hồi quy: ${after} bổ sung gánh nặng so với phiên bản chuẩn ${before} (${n} thay đổi bổ sung gánh nặng).`,
  },
  announce: {
    description:
      'Soạn dự thảo Quyết định công bố thủ tục hành chính cho các thủ tục mới ban hành, được sửa đổi, bổ sung hoặc bị bãi bỏ có hiệu lực vào ngày --effective (hoặc từ --since đến --effective): quyết định theo thể thức văn bản hành chính, Phần I (danh mục, theo cấp) và Phần II (nội dung cụ thể của từng thủ tục mới hoặc được sửa đổi), hoặc mẫu chỉ có danh mục của cấp tỉnh; kèm ngày ký muộn nhất theo quy định. Mã thoát 1 khi có thay đổi không nêu văn bản quy định.',
    effective: 'ngày các thay đổi có hiệu lực, YYYY-MM-DD',
    since: 'công bố mọi thay đổi từ ngày này đến --effective, YYYY-MM-DD',
    issuer: 'bộ hoặc Ủy ban nhân dân cấp tỉnh công bố (mã cơ quan; tự xác định khi mọi thay đổi thuộc lĩnh vực của một bộ)',
    format: 'md, html, docx hoặc json',
    out: 'ghi dự thảo vào tệp này (bắt buộc với docx khi in ra màn hình)',
    listOnly: 'mẫu chỉ có danh mục của cấp tỉnh: danh mục kèm thời hạn, địa điểm, phí, lệ phí, căn cứ pháp lý và cơ quan; không có Phần II',
    signed: 'ngày ký, YYYY-MM-DD: điền vào dòng ngày tháng và được đối chiếu với thời hạn công bố',
    deadlineDays: 'số ngày làm việc quyết định phải được ký trước ngày có hiệu lực (mặc định 20 với bộ, 5 với tỉnh)',
    department: 'với tỉnh: sở trình (mã cơ quan, ví dụ so-tu-phap), ghi ở dòng “Theo đề nghị của Giám đốc Sở …” và được giao nhiệm vụ trong quyết định chỉ công bố danh mục',
    submission: 'với tỉnh: số Tờ trình của sở, ví dụ 125/TTr-STP',
    submissionDate: 'với tỉnh: ngày Tờ trình của sở, YYYY-MM-DD',
    signer: 'người ký: head (BỘ TRƯỞNG, CHỦ TỊCH) hoặc deputy (KT. BỘ TRƯỞNG / THỨ TRƯỞNG, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)',
    needEffective: 'Hãy cho biết ngày các thay đổi có hiệu lực: --effective YYYY-MM-DD.',
    docxNeedsOut: 'Tệp DOCX là tệp nhị phân: hãy dùng --out <tệp>.docx, hoặc chuyển hướng kết quả vào một tệp.',
    window: (since: string, effective: string) => (since === effective ? `vào ngày ${effective}` : `từ ngày ${since} đến ngày ${effective}`),
    nothing: (window: string) => `không có gì để công bố: không có thủ tục đã công bố nào mới ban hành, được sửa đổi, bổ sung hoặc bị bãi bỏ ${window}.`,
    notAnnounced: (text: string) => `không công bố: ${text}`,
    notAnnouncedDraft: (ref: string, draft: boolean, from: string) => `${ref} là ${draft ? 'dự thảo' : 'phương án đề xuất'} có hiệu lực từ ngày ${from}; hãy công bố phiên bản (tthc publish) để đưa vào quyết định.`,
    notAnnouncedLapsed: (ref: string, from: string) => `${ref} hết hiệu lực vào ngày trước ngày ${from} mà không có phiên bản bãi bỏ nêu văn bản quy định việc bãi bỏ; hãy bổ sung phiên bản bãi bỏ để công bố.`,
    notAnnouncedBoth: (code: string) => `${code} vừa có hiệu lực vừa bị bãi bỏ trong khoảng thời gian này.`,
    summary: (n: number, window: string, created: number, amended: number, abolished: number, issuer: string, issuerName: string) =>
      `${n} thủ tục cần công bố ${window}: ${created} mới ban hành, ${amended} được sửa đổi, bổ sung, ${abolished} bị bãi bỏ; cơ quan công bố ${issuer} (${issuerName}).`,
    deadline: (effective: string, codes: string, latest: string, days: number, ministry: boolean, configured: boolean) =>
      `thời hạn: các thay đổi có hiệu lực ngày ${effective} (${codes}) phải được công bố chậm nhất ngày ${latest}, ngày làm việc thứ ${days} trước ngày có hiệu lực (${ministry ? 'bộ' : 'tỉnh'}: ${days} ngày làm việc${configured ? ', theo --deadline-days' : ''}; Điều 15 Nghị định 63/2010/NĐ-CP, được sửa đổi bởi Nghị định 92/2017/NĐ-CP).`,
    late: (signed: string, effective: string, before: number, days: number, latest: string) =>
      `cảnh báo: ký ngày ${signed} là quá muộn so với ngày có hiệu lực ${effective}: chỉ còn ${before} ngày làm việc, cần ${days} ngày (ngày ký muộn nhất theo quy định là ${latest}).`,
    inTime: (signed: string, before: number, effective: string) => `ký ngày ${signed}: ${before} ngày làm việc trước ngày ${effective}, bảo đảm thời hạn.`,
    signedNotWorking: (signed: string, why: string, next: string) => `--signed ${signed} không phải ngày làm việc (${why}): quyết định được ký vào ngày làm việc, ví dụ ${next}.`,
    // The calendar's reason is English data; the Vietnamese note says what it means for the reader.
    provisional: (year: number) => `lưu ý: lịch nghỉ lễ, Tết năm ${year} chưa được công bố chính thức đầy đủ: thời hạn được tính theo các ngày nghỉ suy ra từ Bộ luật Lao động, là dự kiến.`,
    leftOut: (code: string, kind: string, reason: string) =>
      `không đưa vào: ${code} (${({ new: 'mới ban hành', amended: 'được sửa đổi, bổ sung', abolished: 'bị bãi bỏ' } as Record<string, string>)[kind] ?? kind}) ${scopeVi(reason)}; cơ quan có thẩm quyền tự công bố.`,
    wrote: (file: string) => `đã ghi ${file}.`,
  },
  rules: {
    description: 'Liệt kê các quy tắc kiểm tra, hoặc xem tài liệu của một quy tắc.',
    id: 'mã quy tắc',
    unknown: (id: string, hint: string) => `Không có quy tắc kiểm tra "${id}".${hint}`,
  },
  report: {
    description: 'Các báo cáo về danh mục.',
    simplification:
      'Phương án đơn giản hóa: với từng phương án, chi phí tuân thủ trước, sau, phần cắt giảm và tỷ lệ cắt giảm, kèm số giấy tờ và số ngày được cắt giảm; tổng cộng; đánh giá so với chỉ tiêu có hiệu lực vào ngày của từng phương án trong phạm vi của nó (simplificationTargets trong danh mục dùng chung), nếu có; tỷ lệ thủ tục trực tuyến toàn trình và thanh toán trực tuyến, trước và sau. Mã thoát 1 khi chưa đạt chỉ tiêu hoặc có phương án bổ sung gánh nặng.',
    agency: 'chỉ các phương án liên quan đến cơ quan này',
    field: 'chỉ các phương án thuộc lĩnh vực này',
    level: 'chỉ các phương án thực hiện ở cấp này',
    target: 'đánh giá mọi phương án theo tỷ lệ cắt giảm này (%) thay cho các chỉ tiêu có hiệu lực trong danh mục dùng chung (simplificationTargets)',
    format: 'md, html hoặc json',
    percent: (what: string, value: string) => `${what} phải là một tỷ lệ phần trăm như 20 hoặc 12.5, nhận được "${value}".`,
    percentMax: (what: string, value: string) => `${what} không được quá 100, nhận được ${value}.`,
    regression: (ref: string, baseline: string) => `hồi quy: ${ref} bổ sung gánh nặng so với phiên bản chuẩn ${baseline}.`,
    short: (proposals: string, percent: number, target: number, document: string) =>
      `${proposals} cắt giảm ${String(percent).replace('.', ',')}% chi phí tuân thủ, chưa đạt chỉ tiêu ${String(target).replace('.', ',')}% (${document}).`,
    noTarget: (proposals: string) => `${proposals}: không có chỉ tiêu cắt giảm chi phí tuân thủ nào có hiệu lực vào ngày của phương án trong phạm vi của nó; không đánh giá.`,
  },
  reconcile: {
    description: 'Đối chiếu danh mục thủ tục hành chính của tỉnh (tệp lists/<tỉnh>.json, hoặc chính tệp .csv/.xlsx) với danh mục quốc gia vào một ngày: dòng không có thủ tục quốc gia hoặc thủ tục không còn hiệu lực, thủ tục quốc gia tỉnh thực hiện nhưng thiếu (kèm ngày bộ công bố và số ngày trễ), khác biệt về tên, lĩnh vực, mức độ DVC, dòng không nêu quyết định công bố, mã lặp lại. Mã thoát 0 khi đầy đủ và cập nhật, 1 khi có phát hiện.',
    list: 'danh mục: lists/<tỉnh>.json, hoặc tệp .csv, .xlsx',
    catalogue: 'thư mục danh mục dùng để đối chiếu',
    province: 'mã tỉnh (H36, H44); mặc định: mã ở cuối các mã thủ tục của danh mục',
    at: 'ngày đối chiếu, YYYY-MM-DD (mặc định: hôm nay, giờ Việt Nam)',
    format: 'md, html, csv hoặc json',
    calendar: 'tệp lịch làm việc (mặc định: calendars/vn.json của danh mục)',
    unknownInput: (file: string) => `${file}: hãy nêu danh mục của tỉnh (tệp .json trong lists/) hoặc tệp .csv, .xlsx.`,
    unreadable: (file: string, detail: string) => `Không đọc được danh mục ${file}: ${detail}`,
    noRows: (file: string) => `${file} không có dòng thủ tục nào: không có dòng tiêu đề nêu cột mã hoặc tên, cũng không có cột mã và cột tên.`,
    badProvince: (value: string) => `--province nhận mã tỉnh như H36, H44, không phải "${value}".`,
    summary: (rows: number, missing: number, differences: number, noDecision: number, duplicates: number, apart: number) =>
      `Danh mục chưa đầy đủ, cập nhật: ${rows} dòng không có thủ tục đang có hiệu lực, thiếu ${missing} thủ tục, ${differences} khác biệt, ${noDecision} dòng không nêu quyết định công bố, ${duplicates} mã lặp lại, ${apart} dòng để riêng.`,
  },
  import: {
    description: 'Nhập các thủ tục đã công bố (dữ liệu xuất từ Cơ sở dữ liệu quốc gia, trang của cổng dịch vụ công, danh mục dạng bảng) thành dự thảo kèm các danh mục dùng chung cần thiết, và báo cáo những gì đọc được.',
    inputs: 'các tệp hoặc thư mục cần nhập',
    out: 'thư mục danh mục để ghi vào (tạo mới nếu chưa có)',
    format: 'auto, national-db-export, portal-2025, old-portal, xlsx-list hoặc provincial-list (danh mục TTHC của tỉnh, dữ liệu xuất từ hệ thống một cửa: .csv, .xlsx)',
    report: 'nơi ghi báo cáo JSON (mặc định: <out>/.tthc-import-report.json)',
    dryRun: 'đọc và báo cáo, không ghi gì',
    noValidate: 'không kiểm tra danh mục đã ghi trong báo cáo',
    needInput: 'Hãy nêu ít nhất một tệp hoặc thư mục cần nhập.',
    unknownFormat: (format: string, formats: string) => `Không có định dạng "${format}": dùng auto, ${formats}.`,
    dryRunDone: 'Chạy thử: chưa ghi gì.',
    reportWritten: (path: string) => `Đã ghi báo cáo vào ${path}.`,
  },
  validateSummary: {
    error: 'lỗi',
    warning: 'cảnh báo',
    blocksPublishing: 'tthc publish sẽ từ chối: ',
    summary: (errors: number, warnings: number) => `${errors + warnings} vấn đề (${errors} lỗi, ${warnings} cảnh báo)`,
  },

  opt: {
    factPair: (pair: string) => `--fact cần dạng khóa=giá trị (ví dụ --fact soBan=3), nhận được "${pair}".`,
    factTwice: (key: string, a: string, b: string) => `Thông tin "${key}" được nêu hai lần, là "${a}" và "${b}".`,
    supplement: (v: string) => `--supplement cần dạng <ngày yêu cầu>/<ngày nộp bổ sung>, ví dụ 2025-03-04T10:00/2025-03-10; nhận được "${v}".`,
    officeHours: (v: string) => `--office-hours cần các khoảng giờ như 08:00-12:00,13:00-17:00; nhận được "${v}".`,
    wholeNumber: (what: string, v: string) => `${what} phải là số nguyên, nhận được "${v}".`,
    positive: (what: string, v: string) => `${what} phải là số dương, nhận được "${v}".`,
    format: (v: string, allowed: string) => `Không có định dạng "${v}": dùng ${allowed}.`,
    versionRef: (ref: string) => `Cần dạng <mã>@<phiên bản>, ví dụ 1.001193@v2; nhận được "${ref}".`,
    badLang: (from: string, value: string) => `${from} "${value}" không phải ngôn ngữ tthc hỗ trợ: dùng vi hoặc en.`,
    or: ' hoặc ',
    recordedTwice: (a: string, b: string) => `--as-recorded ${a} và --known-at ${b} là hai ngày khác nhau; chỉ nêu một ngày.`,
  },
  catalogue: {
    finishedPublish: (ref: string) => `đã hoàn tất việc công bố ${ref} bị gián đoạn: tệp phiên bản và tệp khóa nay đã được ghi.`,
    errorsInCatalogue: (n: number, dir: string) => `cảnh báo: danh mục ${dir} có ${n} lỗi (chạy tthc validate ${dir}); câu trả lời bỏ qua các tệp bị lỗi.`,
    calendarInvalid: (file: string, first: string) => `Lịch làm việc ${file} không hợp lệ: ${first}`,
    unknownProblem: 'lỗi không xác định',
  },
  run: {
    internal: (message: string) => `lỗi nội bộ: ${message} (đặt TTHC_DEBUG=1 để xem chi tiết)`,
    usageHint: '(chạy tthc --help để xem cách dùng)',
  },
  commander: {
    missingArgument: (name: string) => `thiếu tham số bắt buộc '${name}'.`,
    optionMissingArgument: (flags: string) => `tùy chọn '${flags}' cần một giá trị.`,
    missingMandatoryOption: (flags: string) => `thiếu tùy chọn bắt buộc '${flags}'.`,
    unknownOption: (flag: string, suggestion: string) => `không có tùy chọn '${flag}'.${suggestion ? ` Có phải ý bạn là ${suggestion}?` : ''}`,
    unknownCommand: (name: string, suggestion: string) => `không có lệnh '${name}'.${suggestion ? ` Có phải ý bạn là ${suggestion}?` : ''}`,
    excessArguments: (expected: number, got: number) => `thừa tham số: cần ${expected}, nhận được ${got}.`,
    other: (message: string) => message,
  },

  explain: {
    resolution: resolutionVi,
  },

  error: {
    'verify.no-folder': (p: { dir: string }) => `${p.dir} không phải là thư mục danh mục.`,
    'verify.no-git': () => 'Không tìm thấy git: tthc verify --against đọc tệp khóa tại một tham chiếu bằng git.',
    'verify.not-a-repo': (p: { dir: string }) => `${p.dir} không nằm trong kho git, nên không có tham chiếu nào để đối chiếu tệp khóa.`,
    'verify.unknown-ref': (p: { ref: string }) => `"${p.ref}" không phải là commit, nhánh hay thẻ nào của kho này.`,
    'verify.no-default-ref': () => 'Không có gì để đối chiếu tệp khóa: nhánh không có upstream và kho không có thẻ nào. Hãy nêu tham chiếu bằng --against, ví dụ --against origin/main hoặc --against v1.0.',
    'verify.anchor-too-large': (p: { bytes: number }) => `Tệp khóa tại tham chiếu đó lớn hơn ${p.bytes} byte; không đọc.`,
    'verify.git-failed': (p: { what: string; why: string }) => `git không đọc được ${p.what}: ${p.why}`,
    'verify.lock-unreadable': (p: { file: string; why: string }) => `Không đọc được tệp khóa ${p.file}: ${p.why}`,
    'verify.no-manifest': (p: { out: string; manifest: string }) => `${p.out} không có ${p.manifest}: đây không phải là thư mục kết quả của tthc.`,
    'verify.bad-manifest': (p: { file: string }) => `${p.file} có chữ ký nhưng không phải là bảng kê của tthc.`,
    'sign.key-unreadable': (p: { file: string; why: string }) => `Không đọc được tệp khóa ${p.file} (${p.why}).`,
    'sign.not-a-key': (p: { file: string; kind: string }) =>
      p.kind === 'private'
        ? `${p.file} không phải là khóa bí mật PEM. Tạo cặp khóa bằng tthc keygen --out <tiền tố>, hoặc openssl genpkey -algorithm ed25519 -out release.private.pem.`
        : `${p.file} không phải là khóa công khai PEM.`,
    'sign.not-ed25519': (p: { file: string; type: string }) => `${p.file} là khóa ${p.type}; tthc chỉ ký bằng khóa Ed25519.`,
    'date.malformed': (p: { what: string; value: string }) => `${where(p.what)} cần một ngày dạng YYYY-MM-DD, nhận được "${p.value}".`,
    'date.does-not-exist': (p: { what: string; value: string; year: number; month: number; days: number }) =>
      `${where(p.what)} ${p.value} không phải là ngày có thật: tháng ${p.month}/${p.year} chỉ có ${MONTH_DAYS(p.days)}.`,
    'date.month-does-not-exist': (p: { what: string; value: string }) => `${where(p.what)} ${p.value} không phải là ngày có thật: tháng chỉ từ 01 đến 12.`,
    'moment.malformed': (p: { what: string; value: string }) => `${where(p.what)} "${p.value}" không phải là ngày: dùng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM.`,
    'moment.no-such-time': (p: { what: string; value: string }) => `${where(p.what)} "${p.value}" có giờ không hợp lệ: dùng 00:00–23:59.`,
    resolution: (p: { resolution: Resolution }) => resolutionVi(p.resolution),
    'ref.procedure-not-version': (p: { ref: string }) => `"${p.ref}" là một thủ tục, không phải một phiên bản: hãy nêu ${p.ref}@<phiên bản> hoặc ${p.ref}@<YYYY-MM-DD> (phiên bản có hiệu lực ngày đó).`,
    'ref.unknown': (p: { ref: string; suggestion: string }) => `"${p.ref}" không phải là tệp, <mã>@<phiên bản>, <mã>@<YYYY-MM-DD> hay mã phương án nào trong danh mục.${guess(p.suggestion)}`,
    'ref.malformed': (p: { ref: string }) => `Cần dạng <mã>@<phiên bản> hoặc <mã>@<YYYY-MM-DD>, nhận được "${p.ref}".`,
    'code.unknown': (p: { code: string; suggestion: string }) => `Danh mục không có thủ tục ${p.code}.${guess(p.suggestion)}`,
    'version.unknown': (p: { code: string; version: string; suggestion: string; versions: string }) => `${p.code} không có phiên bản "${p.version}".${guess(p.suggestion)} Các phiên bản của thủ tục: ${p.versions}.`,
    'channel.unknown': (p: { channel: string; channels: string; suggestion: string }) => `Không có cách thức nộp "${p.channel}": dùng ${p.channels}.${guess(p.suggestion)}`,
    'channel.not-offered': (p: { ref: string; channel: string; offered: string }) => `${p.ref} không nhận hồ sơ theo cách thức ${p.channel}; thủ tục có: ${p.offered || 'không có cách thức nào'}.`,
    'fact.unknown': (p: { ref: string; fact: string; suggestion: string; facts: string }) =>
      `${p.ref} không có thông tin "${p.fact}".${guess(p.suggestion)}${p.facts ? ` Các thông tin của thủ tục: ${p.facts}.` : ' Thủ tục không khai báo thông tin nào (ngoài cách thức nộp).'}`,
    'calendar.outside': (p: { calendar: string; from: number; to: number; date: string }) => `Lịch làm việc "${p.calendar}" chỉ tính được các năm ${p.from}–${p.to}; ngày ${p.date} nằm ngoài khoảng này.`,
    'fact.bad-value': (p: { fact: string; label: string; type: string; minimum: number | ''; maximum: number | ''; values: string; value: string; suggestion?: string }) => {
      const takes =
        p.type === 'boolean'
          ? 'true hoặc false (có/không)'
          : p.type === 'integer'
            ? `số nguyên${p.minimum !== '' && p.maximum !== '' ? ` từ ${p.minimum} đến ${p.maximum}` : p.minimum !== '' ? ` từ ${p.minimum} trở lên` : p.maximum !== '' ? ` không quá ${p.maximum}` : ''}`
            : `một trong các giá trị ${p.values}`;
      return `Thông tin "${p.fact}" (${p.label}) nhận ${takes}, nhận được "${p.value}".${guess(p.suggestion)}`;
    },
    'channel.twice': (p: { a: string; b: string }) => `Cách thức nộp được nêu hai lần, là ${p.a} và ${p.b}.`,
    'supplement.out-of-order': (p: { n: number; requested: string; first: boolean }) => `Yêu cầu bổ sung thứ ${p.n} (${p.requested}) đứng trước ${p.first ? 'ngày nộp hồ sơ' : 'lần nộp bổ sung trước đó'}.`,
    'supplement.before-request': (p: { n: number; resubmitted: string; requested: string }) => `Lần nộp bổ sung thứ ${p.n} (${p.resubmitted}) đứng trước yêu cầu bổ sung của nó (${p.requested}).`,
    'clock.malformed': (p: { what: string; value: string }) =>
      `${({ 'The cut-off hour': 'Giờ tiếp nhận cuối ngày', 'An office-hours start': 'Giờ bắt đầu làm việc', 'An office-hours end': 'Giờ kết thúc làm việc' } as Record<string, string>)[p.what] ?? p.what} phải là giờ dạng HH:MM (00:00–23:59), nhận được "${p.value}".`,
    'facts.missing': (p: { missing: { id: string; label: string }[] }) =>
      `Cần thêm thông tin chưa được nêu và không có giá trị mặc định: ${p.missing.map((f) => `${f.id} (${f.label})`).join('; ')}. Hãy nêu từng thông tin bằng --fact <id>=<giá trị>.`,
    'agency.unknown': (p: { agency: string; suggestion: string }) => `Danh mục cơ quan không có "${p.agency}".${guess(p.suggestion)}`,
    'issuer.needed': (p: { sectors: string; unknown: string; committees: string }) =>
      `Hãy nêu cơ quan công bố bằng --issuer <mã cơ quan>: ${p.sectors ? `các thay đổi thuộc lĩnh vực của ${p.sectors}` : ''}${p.unknown ? `${p.sectors ? '; ' : ''}${p.unknown} không nêu bộ quản lý` : ''}. Bộ công bố thủ tục thuộc lĩnh vực của bộ${p.committees ? `; Ủy ban nhân dân cấp tỉnh (${p.committees}) công bố thủ tục thực hiện tại địa phương` : ''}.`,
    'import.no-input': (p: { input: string }) => `Không đọc được ${p.input}: không có tệp hoặc thư mục này.`,
    'ref.cannot-read': (p: { ref: string; code: string; detail: string }) => `Không đọc được ${p.ref}: ${p.code === 'ENOENT' ? 'không có tệp này' : p.code === 'EACCES' || p.code === 'EPERM' ? 'không có quyền đọc' : p.detail}.`,
    'ref.invalid-file': (p: { ref: string; where: string }) => `${p.ref} không phải là phiên bản thủ tục hợp lệ: ${p.where || 'không đọc được'} (tthc validate giải thích mọi lỗi).`,
    'ref.no-baseline': (p: { ref: string }) => `${p.ref} không phải là phương án hay biến thể và không thay thế phiên bản nào: hãy nêu phiên bản cần so sánh.`,
    'ref.baseline-missing': (p: { baseline: string; ref: string }) => `${p.baseline}, phiên bản chuẩn của ${p.ref}, không có trong danh mục.`,
    'time-limit.negative': (p: { value: string }) => `Thời hạn phải từ 0 trở lên, nhận được ${p.value}.`,
    'time-limit.not-whole': (p: { unit: string; value: number }) => `Thời hạn tính bằng ${p.unit === 'months' ? 'tháng' : 'ngày'} phải là số nguyên, nhận được ${String(p.value).replace('.', ',')}.`,
    'diff.repeal': (p: { ref: string; from: string; by: string }) =>
      `${p.ref} là phiên bản bãi bỏ thủ tục${p.from ? ` từ ${p.from}` : ''}${p.by ? ` (${p.by})` : ''}: không có thành phần hồ sơ, các bước hay phí để so sánh. Hãy so sánh các phiên bản trước đó.`,
    'office-hours.empty': () => 'Giờ làm việc cần ít nhất một khoảng, ví dụ 08:00-12:00.',
    'office-hours.backwards': (p: { span: string }) => `Khoảng giờ làm việc ${p.span} kết thúc trước khi bắt đầu.`,
    'office-hours.overlap': (p: { a: string; b: string }) => `Các khoảng giờ làm việc phải theo thứ tự và không chồng lên nhau: ${p.a} rồi ${p.b}.`,
    'channel.none': (p: { ref: string }) => `${p.ref} không nêu cách thức nộp hồ sơ nào.`,
    'time-limit.none': (p: { ref: string }) => `${p.ref} không nêu thời hạn giải quyết.`,
    'ref.ambiguous-proposal': (p: { ref: string; versions: string }) => `Nhiều phiên bản cùng mang mã phương án "${p.ref}": ${p.versions}; hãy nêu một phiên bản dạng <mã>@<phiên bản>.`,
    'publish.no-version': (p: { ref: string; dir: string; code: string; versions: string }) => `Không có phiên bản ${p.ref} trong ${p.dir}.${p.versions ? ` Các phiên bản của ${p.code}: ${p.versions}.` : ''}`,
    'publish.already': (p: { ref: string; status: string }) => `${p.ref} đã ở trạng thái ${(STATUS_VI as Record<string, string>)[p.status] ?? p.status}.`,
    'publish.no-effective': (p: { ref: string }) => `${p.ref} chưa có ngày có hiệu lực; hãy điền effective.from trước khi công bố.`,
    'lock.unreadable': (p: { file: string; dir: string }) =>
      `Tệp khóa ${p.file} có nhưng không đọc được (tthc validate ${p.dir} cho biết lý do); hãy khôi phục tệp (git checkout -- ${p.file}, hoặc giải quyết xung đột khi hợp nhất) trước khi công bố hay ghi khóa. Tệp khóa không bao giờ được dựng lại từ nội dung hiện tại.`,
    'lock.missing': (p: { file: string; dir: string }) =>
      `Danh mục có phiên bản đã công bố nhưng không có tệp khóa (${p.file}); hãy khôi phục tệp (git checkout -- ${p.file}). Tệp khóa của một danh mục mới được tạo bằng tthc lock --init.`,
    'lock.busy': (p: { kind: string; path: string; file: string; what: string; pid: number; host: string; since: string; waited: number }) =>
      `${p.what} (tiến trình ${p.pid} trên máy ${p.host}, từ ${p.since}) đang ghi ${p.kind === 'catalogue' ? 'danh mục' : 'thư mục kết quả'} ${p.path}${p.waited ? ` (đã chờ ${p.waited} giây)` : ''}; hãy chờ tiến trình đó xong rồi chạy lại lệnh. Nếu không có tiến trình nào như vậy, hãy xóa tệp khóa ${p.file}.`,
    'lock.contended': (p: { kind: string; path: string; file: string; waited: number }) =>
      `Một tiến trình khác đang ghi ${p.kind === 'catalogue' ? 'danh mục' : 'thư mục kết quả'} ${p.path}${p.waited ? ` (đã chờ ${p.waited} giây)` : ''}; hãy chờ tiến trình đó xong rồi chạy lại lệnh. Nếu không có tiến trình nào như vậy, hãy xóa tệp khóa ${p.file}.`,
    'build.bad-out': (p: { out: string; why: string; real: string }) =>
      `--out ${p.out}${p.real !== p.out ? ` (tức ${p.real})` : ''} ${FOLDER_WHY[p.why] ?? p.why}; lệnh build thay cả thư mục kết quả. Hãy chọn một thư mục riêng, ví dụ --out build.`,
    'build.bad-cache-dir': (p: { dir: string; why: string; real: string }) =>
      `--cache-dir ${p.dir}${p.real !== p.dir ? ` (tức ${p.real})` : ''} ${FOLDER_WHY[p.why] ?? p.why}; bộ nhớ đệm được ghi và dọn ở đó. Hãy chọn một thư mục riêng, ví dụ thư mục mặc định bên cạnh --out.`,
    'build.cache-in-out': (p: { dir: string; out: string }) => `--cache-dir ${p.dir} nằm trong --out ${p.out}, thư mục được thay mới sau mỗi lần build; hãy để bộ nhớ đệm bên cạnh (mặc định).`,
    'build.cache-in-catalogue': (p: { dir: string; catalogue: string }) => `--cache-dir ${p.dir} chồng lên thư mục danh mục ${p.catalogue}; hãy để các tệp sinh ra ngoài dữ liệu.`,
    'publish.bad-journal': (p: { file: string }) => `${p.file} không phải là nhật ký công bố do tthc ghi; hãy xem tệp, rồi xóa nó.`,
    'version.bad-id': (p: { id: string }) => `"${p.id}" không phải là mã phiên bản hợp lệ (chữ thường, chữ số, dấu chấm và gạch nối).`,
    'version.exists': (p: { ref: string }) => `${p.ref} đã có.`,
    'catalogue.cannot-open': (p: { dir: string; code: string; detail: string }) =>
      `Không mở được thư mục danh mục ${p.dir}: ${p.code === 'ENOENT' ? 'không có thư mục này' : p.code === 'EACCES' || p.code === 'EPERM' ? 'không có quyền đọc' : p.detail}.`,
    'catalogue.not-folder': (p: { dir: string }) => `${p.dir} không phải là thư mục: hãy nêu thư mục danh mục (thư mục chứa procedures/ và registry/).`,
    'diff.different-procedures': (p: { before: string; after: string; beforeName: string; afterName: string }) =>
      `${p.before} và ${p.after} là hai thủ tục khác nhau (${p.beforeName}; ${p.afterName}): chỉ so sánh hai phiên bản của cùng một thủ tục, hoặc một phương án, biến thể với phiên bản chuẩn của nó.`,
  } satisfies ErrorMessages,
};
