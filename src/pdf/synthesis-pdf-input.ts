import { formatDate, formatDay, formatTime } from '../bot/format.js';
import { formatScore, type ScoreWords } from '../domain/percentage.js';
import type { DomainAgreement, Evaluation, SignedVersion, Synthesis } from '../domain/model.js';
import { referentialVersion } from '../export/day-results.js';
import type { Referential } from '../referential/schema.js';
import type { SynthesisPdfInput } from './synthesis-pdf.js';

/**
 * From stored records to the renderer's plain data. The printable grid is a French
 * document whatever the reader's locale (like the referential's own texts), so its few
 * words of our own live here rather than in the chat catalogs.
 */
const FR = {
  signedBy: (name: string, date: string, time: string) => `Signé par ${name} le ${date} à ${time}`,
  replaced: (date: string, time: string, reason: string) => `Version remplacée le ${date} à ${time}\u00a0: ${reason}`,
  score: { undecided: 'Non évalué', notEvaluatedBecause: (reason: string) => `Non évalué\u00a0: ${reason}` } satisfies ScoreWords,
  header: {
    date: "Date de l'évaluation",
    members: 'Nom et fonction des membres du jury ou du professionnel',
    candidate: 'Nom et prénom du candidat',
    company: 'Entreprise du candidat',
  },
  domains: 'Domaines',
  appraisal: "L'appréciation de chaque domaine",
  handwritten: 'Signature manuscrite',
  referential: (name: string, version: string) => `Référentiel ${name}, version ${version}`,
  bot: (version: string) => `Bot Jury CQP ${version}`,
} as const;

/** What the document says beyond the synthesis itself: where it comes from. */
export interface PdfIssue {
  timeZone: string;
  /** package.json's version, in the footer. */
  botVersion: string;
  /** ISSUER_NAME, the issuing body in the header; absent, no such line. */
  issuer?: string | undefined;
}

export type ReplacedVersion = Synthesis['replaced'][number];

/** "60 %", "Non évalué : <reason>". */
export function formatAgreement(agreement: DomainAgreement | undefined): string {
  return formatScore(agreement, FR.score);
}

/** The renderer's input for one signed version (the current one, or an archived one marked remplacée). */
export function synthesisPdfInput(
  referential: Referential,
  evaluation: Evaluation,
  version: SignedVersion | ReplacedVersion,
  { timeZone, botVersion, issuer }: PdfIssue,
): SynthesisPdfInput {
  const fields = referential.headerFields.synthesis;
  // By id as in cqp-agc.json, else by position, else our wording of the guide's labels.
  const field = (id: string, index: number, fallback: string): string =>
    fields.find((f) => f.id === id)?.label ?? fields[index]?.label ?? fallback;
  const signedAt = new Date(version.signedAt);
  return {
    labels: {
      title: referential.grids.synthesis,
      audience: referential.grids.synthesisAudience,
      header: {
        date: field('date', 0, FR.header.date),
        members: field('membres', 1, FR.header.members),
        candidate: field('candidat', 2, FR.header.candidate),
        company: field('entreprise', 3, FR.header.company),
      },
      domains: referential.grids.reportLabels?.domains ?? FR.domains,
      appraisal: referential.grids.reportLabels?.appraisal ?? FR.appraisal,
      comment: `${referential.grids.comment}\u00a0:`,
      signature: referential.grids.signature,
      handwritten: FR.handwritten,
    },
    ...(issuer ? { issuer } : {}),
    provenance: [FR.referential(referential.name, referentialVersion(referential)), FR.bot(botVersion)],
    header: {
      date: formatDay(evaluation.header.date),
      members: version.members.map(({ name, function: fn }) => ({ name, function: fn })),
      candidateLastName: evaluation.header.candidateLastName,
      candidateFirstName: evaluation.header.candidateFirstName,
      company: evaluation.header.company,
    },
    domains: referential.domains.map((domain) => ({ title: domain.title, value: formatAgreement(version.domains[domain.id]) })),
    comment: version.comment,
    signature: FR.signedBy(version.signedBy.name, formatDate(signedAt, timeZone), formatTime(signedAt, timeZone)),
    ...('replacedAt' in version
      ? { replaced: FR.replaced(formatDate(version.replacedAt, timeZone), formatTime(version.replacedAt, timeZone), version.reason) }
      : {}),
    metadata: { author: version.signedBy.name, createdAt: signedAt },
  };
}
