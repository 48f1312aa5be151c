/**
 * Pages for developers, written as Markdown and rendered by the one renderer (rules/text/render:
 * remark-parse, remark-gfm, remark-rehype, rehype-stringify; raw HTML in the Markdown is dropped, so
 * nothing unescaped gets through): the portal API with its endpoints, schemas and examples, and the
 * lint rules generated from each rule's metadata and examples (generators/rule-docs).
 */
import { ALL_RULES } from '../../rules/lint/index.js';
import { markdownToHtml } from '../../rules/text/render/index.js';
import type { BuildContext } from '../engine/context.js';
import { formVersions, PATHS } from '../engine/paths.js';
import { indexItem } from '../api/index.js';
import { API_SCHEMAS } from '../api/schemas.js';
import { formSchema } from '../form-schemas/schema.js';
import { ruleDocsMarkdown, ruleIndexMarkdown } from '../rule-docs/index.js';
import { HOME_CRUMB, link, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { article } from './templates.generated.js';

const fence = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');

/** The API page's Markdown: what each file is, its schema, and real examples from this catalogue. */
export function apiMarkdown(ctx: BuildContext): string {
  const schemaLink = (name: string) => `[${name}](schemas/${name}.html)`;
  const first = ctx.procedures[0];
  // A procedure whose API document carries a form schema (a version in force or next that can be filed online).
  const withForm = ctx.procedures.find((e) => formVersions(e, ctx.at).length > 0);
  const formVersion = withForm ? formVersions(withForm, ctx.at)[0]! : undefined;
  const lines = [
    '# API dữ liệu thủ tục hành chính',
    '',
    '`tthc build` ghi, bên cạnh trang này, các tệp JSON tĩnh mà cổng dịch vụ công và các hệ thống khác có thể đọc trực tiếp từ máy chủ tĩnh. Mọi tệp đều khai báo lược đồ của nó trong `$schema` (đường dẫn tương đối) và được ghi gọn, không thụt lề.',
    '',
    '## Các điểm truy cập',
    '',
    '| Tệp | Nội dung | Lược đồ |',
    '|---|---|---|',
    `| \`${PATHS.apiIndex}\` | Điểm vào: các trang chỉ mục theo tiền tố mã thủ tục | ${schemaLink('index')} |`,
    `| \`${PATHS.apiIndexPage('<tiền tố>')}\` | Một trang chỉ mục: mã, tên, trạng thái, phiên bản, cấp, lĩnh vực, cơ quan, thời hạn, cách nộp, mức độ trực tuyến, miễn phí | ${schemaLink('index-page')} |`,
    `| \`${PATHS.apiProcedure('<mã>')}\` | Một thủ tục với mọi phiên bản (một yêu cầu cho mỗi thủ tục): phiên bản đang có hiệu lực; các mục đăng ký mà các phiên bản viện dẫn (một lần); mỗi phiên bản với thời gian hiệu lực và đặc tả như đã công bố; các phần bằng tiếng Việt của phiên bản đang có hiệu lực, phiên bản kế tiếp và phiên bản đang hiển thị | ${schemaLink('procedure')} |`,
    `| \`${PATHS.apiProcedure('<mã>')}#/versions/<i>\` | Một phiên bản: mục thứ i của \`versions\` (JSON Pointer), theo thứ tự có hiệu lực | ${schemaLink('version')} |`,
    `| \`${PATHS.apiChanges}\` | Dòng thay đổi: các trang theo tháng hiệu lực | ${schemaLink('changes')} |`,
    `| \`${PATHS.apiChangesPage('<YYYY-MM>')}\` | Các thay đổi trong tháng: thủ tục, phiên bản trước và sau, các thao tác (add, remove, update) | ${schemaLink('changes-page')} |`,
    `| \`${PATHS.apiProcedure('<mã>')}#/versions/<i>/form/schema\` | Lược đồ JSON Schema 2020-12 của tờ khai trực tuyến, kèm ví dụ hợp lệ, cho phiên bản đang có hiệu lực và phiên bản kế tiếp: nằm ngay trong tài liệu của thủ tục | JSON Schema 2020-12 |`,
    `| \`${PATHS.formTypesIndex}\` | Kiểu dữ liệu TypeScript của mọi tờ khai trực tuyến, mỗi phiên bản là mô-đun \`${PATHS.formTypesModule('<mã>', '<phiên bản>')}\` | TypeScript |`,
    `| \`manifest.json\` | SHA-256 và kích thước mọi tệp, để đồng bộ từng phần | ${schemaLink('manifest')} |`,
    `| \`manifest.json.sig\` | Khi bản phát hành được ký (\`tthc build --sign\`): chữ ký Ed25519 của \`manifest.json\`; cách kiểm tra dữ liệu tải về ở [hướng dẫn cho cổng dịch vụ công](${link(SITE_PATHS.developers, SITE_PATHS.doc('guides/portal.html'))}#kiểm-tra-dữ-liệu-tải-về) | base64 |`,
    '',
    'Tải cả thư mục lược đồ vào trình kiểm tra (với ajv cần `allowUnionTypes`); các lược đồ tham chiếu nhau bằng `$id`.',
  ];
  if (first) {
    lines.push('', '## Ví dụ: một mục của trang chỉ mục', '', fence(indexItem(ctx, first, PATHS.apiIndexPage('1'))));
  }
  if (withForm && formVersion) {
    const schema = formSchema(formVersion) as { examples?: unknown[] };
    lines.push('', `## Ví dụ: hồ sơ trực tuyến hợp lệ của thủ tục ${withForm.code}`, '', `Theo lược đồ \`${PATHS.formSchema(withForm.code, withForm.windows.findIndex((w) => w.version.data === formVersion))}\`.`, '', fence(schema.examples?.[0]));
  }
  lines.push('', '## Lược đồ', '', ...Object.keys(API_SCHEMAS).sort().map((name) => `- ${schemaLink(name)}`), '', '## Quy tắc kiểm tra đặc tả', '', `Các quy tắc mà \`tthc validate\` áp dụng, sinh tự động từ mô tả và ví dụ của từng quy tắc: [danh sách quy tắc](${link(SITE_PATHS.developers, SITE_PATHS.rules)}).`, '');
  return lines.join('\n');
}

export interface SitePageFile {
  path: string;
  content: string;
}

export async function renderDevelopers(ctx: BuildContext): Promise<SitePageFile> {
  const path = SITE_PATHS.developers;
  return { path, content: sitePage({ path, title: 'API dữ liệu thủ tục hành chính', crumbs: [HOME_CRUMB], body: article({ html: await markdownToHtml(apiMarkdown(ctx)) }) }) };
}

export async function renderSchemaPages(): Promise<SitePageFile[]> {
  const files: SitePageFile[] = [];
  for (const name of Object.keys(API_SCHEMAS).sort()) {
    const path = SITE_PATHS.apiSchema(name);
    const md = [`# Lược đồ ${name}`, '', `\`$id\`: \`${API_SCHEMAS[name]!.$id}\``, '', fence(API_SCHEMAS[name]), ''].join('\n');
    files.push({ path, content: sitePage({ path, title: `Lược đồ ${name}`, crumbs: [HOME_CRUMB, { path: SITE_PATHS.developers, text: 'Cho nhà phát triển' }], body: article({ html: await markdownToHtml(md) }) }) });
  }
  return files;
}

export async function renderRulePages(): Promise<SitePageFile[]> {
  const crumbs = [HOME_CRUMB, { path: SITE_PATHS.developers, text: 'Cho nhà phát triển' }];
  const files: SitePageFile[] = [{ path: SITE_PATHS.rules, content: sitePage({ path: SITE_PATHS.rules, title: 'Quy tắc kiểm tra đặc tả', crumbs, body: article({ html: await markdownToHtml(ruleIndexMarkdown(ALL_RULES)) }) }) }];
  for (const rule of [...ALL_RULES].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const path = SITE_PATHS.rule(rule.id);
    files.push({ path, content: sitePage({ path, title: rule.id, crumbs: [...crumbs, { path: SITE_PATHS.rules, text: 'Quy tắc' }], body: article({ html: await markdownToHtml(ruleDocsMarkdown(rule)) }) }) });
  }
  return files;
}
