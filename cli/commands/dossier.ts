import type { Application } from '../../rules/compute/application.js';
import { factsOf } from '../../rules/compute/conditions.js';
import { requiredDocuments, type DossierLine } from '../../rules/compute/dossier.js';
import { formatCase } from '../../rules/text/vi/conditions.js';
import { formatCopies } from '../../rules/text/vi/dossier.js';
import { application, channelLine, correctionLines, procedureLine, type ApplicantFlags } from '../applicant.js';
import { lang, m } from '../i18n.js';
import { parseFormat } from '../options.js';
import { cite, json, out, outDocument, say } from '../output.js';
import { EXIT } from '../run.js';

/** The case that makes a document required (or not), in Vietnamese, from the spec: "Trường hợp …". */
function caseVi(d: DossierLine, app: Application): string | undefined {
  const doc = (app.version.data.dossier?.documents ?? []).find((x) => x.id === d.id);
  return doc?.when ? formatCase(doc.when, factsOf(app.version.data.facts)) : undefined;
}

/** Why a document is not needed, in Vietnamese. */
function notNeededVi(d: DossierLine, app: Application): string {
  if (d.status === 'looked-up') return `Cơ quan giải quyết khai thác thông tin từ ${d.lookup?.databaseName ?? d.lookup?.database ?? 'cơ sở dữ liệu'}.`;
  const kase = caseVi(d, app);
  return kase ? `Chỉ áp dụng: ${kase}.` : 'Không yêu cầu đối với hồ sơ này.';
}

/** tthc dossier: the documents an applicant must bring, and those they need not. */
export async function dossierCommand(code: string, flags: ApplicantFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  const { catalogue, app } = await application(code, flags);
  const result = requiredDocuments(catalogue, app);
  if (format === 'json') {
    await outDocument(json(result));
    return EXIT.ok;
  }
  const t = m().dossier;
  const vi = lang() === 'vi';
  const lines = [procedureLine(result.application), channelLine(result.application), ...correctionLines(catalogue, result.application), t.sets(result.sets), ''];
  const bring = result.documents.filter((d) => d.status === 'submit' || d.status === 'present');
  lines.push(t.bring(bring.length));
  let n = 0;
  for (const d of result.documents) {
    if (d.status === 'not-required' || d.status === 'looked-up') continue;
    lines.push(`  ${++n}. ${d.name} [${d.id}]: ${formatCopies(d.originals, d.copies, d.certifiedCopy)}; ${t.status[d.status]}`);
    if (vi) {
      const kase = caseVi(d, app);
      if (kase) lines.push(`     ${kase}.`);
    } else if (d.explanation.startsWith('Required because')) lines.push(`     ${d.explanation.split('. ')[0]}.`);
    if (d.legalBasis.length > 0) lines.push(t.basis(d.legalBasis.map((r) => cite(catalogue, r)).join('; ')));
  }
  const others = result.documents.filter((d) => d.status === 'not-required' || d.status === 'looked-up');
  if (others.length > 0) {
    lines.push('', t.notNeeded);
    for (const d of others) {
      lines.push(`  - ${d.name} [${d.id}]: ${t.status[d.status]}. ${vi ? notNeededVi(d, app) : d.explanation}`);
      for (const r of d.lookup?.legalBasis ?? []) lines.push(t.basis(cite(catalogue, r)));
    }
  }
  if (result.notes.length > 0) {
    lines.push('', m().applicant.notesHead);
    for (const n of result.notes) lines.push(`  - ${n.kind === 'uncertain' ? '[chưa xác minh] ' : ''}${n.text}`);
  }
  await say(lines.join('\n') + '\n');
  return EXIT.ok;
}
