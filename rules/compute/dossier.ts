/**
 * The documents one application needs (thành phần hồ sơ): which to hand in, which to show, which
 * the office looks up in a national database instead, and which do not apply, with the reasons.
 */
import { notesAbout, type SpecNote } from './spec-notes.js';
import type { Catalogue } from '../model/catalogue.js';
import type { LegalRef } from '../schema/types/procedure-version.generated.js';
import { summarize, type Application, type ApplicationSummary } from './application.js';
import { describeCondition, MissingFacts } from './conditions.js';

export interface DossierLine {
  id: string;
  name: string;
  /**
   * submit: hand it in (nộp); present: show it, it is handed back (xuất trình); looked-up: not
   * needed, the office gets the information from a database; not-required: its condition does not hold.
   */
  status: 'submit' | 'present' | 'looked-up' | 'not-required';
  originals: number;
  copies: number;
  certifiedCopy: boolean;
  form: string | null;
  lookup: { database: string; databaseName: string | null; legalBasis: LegalRef[] } | null;
  explanation: string;
  legalBasis: LegalRef[];
}

export interface DossierResult {
  application: ApplicationSummary;
  /** Number of dossier sets (số bộ hồ sơ). */
  sets: number;
  documents: DossierLine[];
  /** What the spec says it does not model or has not confirmed about its dossier (and in general). */
  notes: SpecNote[];
}

export function requiredDocuments(catalogue: Catalogue, app: Application): DossierResult {
  const missing = new MissingFacts(app.facts);
  const documents: DossierLine[] = [];
  const dossier = app.version.data.dossier;
  for (const doc of dossier?.documents ?? []) {
    const base = {
      id: doc.id,
      name: doc.name,
      originals: doc.originals,
      copies: doc.copies,
      certifiedCopy: doc.certifiedCopy ?? false,
      form: doc.form ?? null,
      legalBasis: doc.legalBasis ?? [],
    };
    let because = '';
    if (doc.when) {
      const t = missing.check(doc.when, `the document "${doc.id}"`);
      if (t === undefined) continue;
      if (!t) {
        documents.push({ ...base, status: 'not-required', lookup: null, explanation: `Required only when ${describeCondition(doc.when)}.` });
        continue;
      }
      because = `Required because ${describeCondition(doc.when)}. `;
    }
    if (doc.lookup) {
      const name = catalogue.registry.databases.byId.get(doc.lookup.database)?.name ?? null;
      documents.push({
        ...base,
        status: 'looked-up',
        lookup: { database: doc.lookup.database, databaseName: name, legalBasis: doc.lookup.legalBasis },
        explanation: `${because}Not needed from the applicant: the office gets it from ${name ?? doc.lookup.database}.`,
      });
      continue;
    }
    const present = doc.submission === 'present';
    documents.push({ ...base, status: present ? 'present' : 'submit', lookup: null, explanation: `${because}${present ? 'Shown to the officer and handed back (xuất trình).' : 'Handed in (nộp).'}`.trim() });
  }
  missing.throwIfAny(`The dossier of ${app.code}@${app.version.data.version}`);
  return { application: summarize(app), sets: dossier?.sets ?? 1, documents, notes: notesAbout(app.version.data, ['/dossier']) };
}
