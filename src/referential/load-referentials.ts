import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fromRoot, packageRoot } from '../paths.js';
import { referentialSchema, type Referential } from './schema.js';

/** A referential file that cannot be used; the message names the file and the JSON path. */
export class ReferentialError extends Error {
  override name = 'ReferentialError';
}

// How many schema issues the message lists: the first ones are enough to fix the file.
const MAX_ISSUES = 3;

/** Reads and validates one referential file; throws one ReferentialError when it is unusable. */
export function loadReferentialFile(path: string): Referential {
  const file = displayPath(path);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReferentialError(`Référentiel illisible : ${file} (${fsReason(error)})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ReferentialError(`Référentiel invalide : ${file} n'est pas du JSON valide (${messageOf(error)})`, { cause: error });
  }
  const result = referentialSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => `${jsonPath(issue.path)} : ${issue.message}`);
    const more = result.error.issues.length > MAX_ISSUES ? ` (et ${result.error.issues.length - MAX_ISSUES} autre(s))` : '';
    throw new ReferentialError(`Référentiel invalide : ${file} — ${issues.join(' ; ')}${more}`, { cause: result.error });
  }
  return result.data;
}

/**
 * Loads every *.json of the folder, synchronously (start-up only), keyed by referential id.
 * Another CQP is added by dropping another file here.
 */
export function loadReferentials(dir: string = fromRoot('data', 'referentiels')): ReadonlyMap<string, Referential> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new ReferentialError(`Dossier des référentiels illisible : ${displayPath(dir)} (${fsReason(error)})`, { cause: error });
  }
  if (names.length === 0) throw new ReferentialError(`Aucun référentiel (*.json) dans ${displayPath(dir)}`);
  const byId = new Map<string, Referential>();
  const fileOf = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const referential = loadReferentialFile(path);
    const previous = fileOf.get(referential.id);
    if (previous !== undefined) {
      throw new ReferentialError(
        `Référentiel en double : l'identifiant « ${referential.id} » est dans ${displayPath(previous)} et dans ${displayPath(path)}`,
      );
    }
    byId.set(referential.id, referential);
    fileOf.set(referential.id, path);
  }
  return byId;
}

/** `$.domains[0].rows[2].questions[1].text` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, '$');
}

export type ReferentialTextKind =
  | 'step'
  | 'principle'
  | 'descriptor'
  | 'row'
  | 'question'
  | 'sheet'
  | 'context'
  | 'note'
  | 'relaunch'
  | 'direction'
  | 'condition'
  | 'conditional'
  | 'criterion';

export interface ReferentialText {
  kind: ReferentialTextKind;
  id: string;
  text: string;
  /** Role-play sheet number, for texts of a sheet. */
  sheet?: number;
  /** Row id, for a row's title and questions. */
  row?: string;
}

/**
 * Everything a juror must be able to reach from the cards, flat, in the guide's order.
 * Lines written for the rehearsal (opening, closing, a direction's in-character line) are
 * left out: the juror plays the client from the sheet's own words.
 */
export function referentialTexts(ref: Referential): ReferentialText[] {
  const texts: ReferentialText[] = [];
  for (const step of ref.interview.steps) texts.push({ kind: 'step', id: step.id, text: step.text });
  ref.principles.forEach((text, i) => texts.push({ kind: 'principle', id: `principle-${i + 1}`, text }));
  for (const scale of ref.scales.list) {
    for (const d of scale.descriptors) texts.push({ kind: 'descriptor', id: d.id, text: d.text });
  }
  for (const domain of ref.domains) {
    for (const row of domain.rows) {
      texts.push({ kind: 'row', id: row.id, text: row.title, row: row.id });
      for (const q of row.questions) texts.push({ kind: 'question', id: q.id, text: q.text, row: row.id });
    }
  }
  for (const sheet of ref.rolePlays) {
    const sheetText = (kind: ReferentialTextKind, id: string, text: string): void => {
      texts.push({ kind, id, text, sheet: sheet.number });
    };
    sheetText('sheet', sheet.id, sheet.title);
    sheet.context.forEach((text, i) => sheetText('context', `context-${i + 1}`, text));
    if (sheet.note) sheetText('note', 'note', sheet.note);
    for (const line of sheet.lines) {
      if (line.type === 'direction' && line.direction) sheetText('direction', line.id, line.direction);
      else if (line.fromSheet && (line.type === 'relaunch' || line.type === 'conditional')) sheetText(line.type, line.id, line.text);
    }
    for (const c of sheet.conditions) sheetText('condition', c.id, c.label);
    for (const c of sheet.successCriteria) sheetText('criterion', c.id, c.text);
  }
  return texts;
}

function displayPath(path: string): string {
  const rel = relative(packageRoot(), resolve(path));
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}

// The error code only: Node's fs messages repeat the absolute path the caller already names.
function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
