import { createHash } from 'node:crypto';
import { formatScore, type DomainAgreement, type ExportedEvaluation } from '../domain/index.js';
import type { Translate } from '../i18n/translate.js';
import type { Referential } from '../referential/schema.js';

/**
 * The day's results as one table, whatever the file format: one row per signed evaluation,
 * typed cells (a percentage stays a number, a date a date), headers in the president's
 * language. The XLSX and CSV writers only lay it out.
 */

export type ResultCell =
  | { kind: 'text'; value: string }
  /** An agreed percentage, integer 0–100. */
  | { kind: 'percent'; value: number }
  /** A calendar day, AAAA-MM-JJ. */
  | { kind: 'date'; value: string }
  /** A local wall-clock instant in the configured time zone: AAAA-MM-JJ and HH:MM. */
  | { kind: 'datetime'; date: string; time: string };

export interface ResultColumn {
  header: string;
  /** In characters, for the XLSX. */
  width: number;
}

export interface DayResultTable {
  columns: ResultColumn[];
  rows: ResultCell[][];
}

const text = (value: string): ResultCell => ({ kind: 'text', value });

/** The wall-clock date and time of an instant in a time zone, as AAAA-MM-JJ and HH:MM. */
function localParts(at: string, timeZone: string): { date: string; time: string } {
  const formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(formatter.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The referential's version: its `version` when the file gives one, else a short fingerprint of
 * its content, so the spreadsheet always says exactly which text the evaluations followed.
 */
export function referentialVersion(referential: Referential): string {
  return referential.version ?? `sha256:${createHash('sha256').update(JSON.stringify(referential)).digest('hex').slice(0, 12)}`;
}

function agreementCell(t: Translate, agreement: DomainAgreement | undefined): ResultCell {
  // A percentage stays a number cell; the rest is written as everywhere else, in the export's words.
  if (agreement?.percentage != null) return { kind: 'percent', value: agreement.percentage };
  return text(formatScore(agreement, { notEvaluatedBecause: (reason) => t('export.notEvaluatedBecause', { reason }), undecided: t('export.notEvaluated') }));
}

/** The table of the day's signed evaluations; domains in the referential's order. */
export function dayResultTable(referential: Referential, exported: readonly ExportedEvaluation[], t: Translate, timeZone: string): DayResultTable {
  const columns: ResultColumn[] = [
    { header: t('export.column.date'), width: 14 },
    { header: t('export.column.lastName'), width: 20 },
    { header: t('export.column.firstName'), width: 18 },
    { header: t('export.column.company'), width: 26 },
    { header: t('export.column.members'), width: 48 },
    ...referential.domains.map((domain) => ({ header: t('export.column.domain', { domain: domain.title }), width: 22 })),
    { header: t('export.column.comment'), width: 60 },
    { header: t('export.column.signedBy'), width: 22 },
    { header: t('export.column.signedAt'), width: 18 },
    { header: t('export.column.referential'), width: 14 },
    { header: t('export.column.referentialVersion'), width: 22 },
  ];
  const version = referentialVersion(referential);
  const rows = exported.map(({ evaluation, signed }): ResultCell[] => [
    { kind: 'date', value: evaluation.header.date },
    text(evaluation.header.candidateLastName),
    text(evaluation.header.candidateFirstName),
    text(evaluation.header.company),
    text(signed.members.map((m) => `${m.name} (${m.function})`).join(' ; ')),
    ...referential.domains.map((domain) => agreementCell(t, signed.domains[domain.id])),
    text(signed.comment),
    text(signed.signedBy.name),
    { kind: 'datetime', ...localParts(signed.signedAt, timeZone) },
    text(referential.id),
    text(version),
  ]);
  return { columns, rows };
}
