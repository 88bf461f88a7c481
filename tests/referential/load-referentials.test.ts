import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import { fromRoot, packageRoot } from '../../src/paths.js';
import {
  ReferentialError,
  jsonPath,
  loadReferentialFile,
  loadReferentials,
  referentialTexts,
} from '../../src/referential/load-referentials.js';

const realFile = fromRoot('data', 'referentiels', 'cqp-agc.json');
// A fresh deep copy of the real file's JSON, for each test to break as it likes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const realJson = (): any => JSON.parse(readFileSync(realFile, 'utf8'));

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'referentiels-'));
  dirs.push(dir);
  return dir;
}
function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}
function errorOf(fn: () => unknown): ReferentialError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReferentialError);
    return error as ReferentialError;
  }
  throw new Error('ReferentialError attendue');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('paths', () => {
  it('finds the package root from src/', () => {
    expect(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).name).toBe('jury-cqp-bot');
    expect(fromRoot('data', 'referentiels')).toBe(join(packageRoot(), 'data', 'referentiels'));
  });
});

describe('loadReferentials', () => {
  it('loads the real CQP AGC referential: 3 domains, 7 rows, 3 sheets', () => {
    const refs = loadReferentials();
    const ref = refs.get('cqp-agc');
    expect(ref?.name).toBe('CQP Assistant(e) de Gestion Client');
    expect(ref?.domains.map((d) => d.id)).toEqual(['relation-client', 'produits-offres', 'outil-organisation']);
    expect(ref?.domains.flatMap((d) => d.rows.map((r) => r.id))).toEqual([
      'delais', 'litige', 'gpa', 'prise-de-commande', 'organisation-prise-de-poste', 'erreur-interne', 'gestion-litiges',
    ]);
    expect(ref?.rolePlays.map((s) => s.opener)).toEqual(['candidate', 'bot', 'candidate']);
    expect(ref?.interview).toMatchObject({ durationMinutes: 45, noticesAtMinutes: [35, 45], maxPeopleAtWorkstation: 3 });
  });

  it('loads a second CQP beside the first: another file, no code change', () => {
    const dir = tempDir();
    writeJson(dir, 'cqp-agc.json', realJson());
    const other = realJson();
    other.id = 'cqp-autre';
    other.name = 'CQP Autre métier';
    writeJson(dir, 'cqp-autre.json', other);
    writeJson(dir, 'notes.txt', 'ignored: not a .json file');
    const refs = loadReferentials(dir);
    expect([...refs.keys()].sort()).toEqual(['cqp-agc', 'cqp-autre']);
    expect(refs.get('cqp-autre')?.name).toBe('CQP Autre métier');
  });

  it('refuses two files with the same id, naming both', () => {
    const dir = tempDir();
    writeJson(dir, 'a.json', realJson());
    writeJson(dir, 'b.json', realJson());
    const error = errorOf(() => loadReferentials(dir));
    expect(error.message).toContain('a.json');
    expect(error.message).toContain('b.json');
    expect(error.message).toContain('cqp-agc');
  });

  it('refuses an empty or missing folder', () => {
    expect(errorOf(() => loadReferentials(tempDir())).message).toContain('Aucun référentiel');
    expect(errorOf(() => loadReferentials(join(tempDir(), 'absent'))).message).toContain('absent');
  });
});

describe('loadReferentialFile errors name the file and the JSON path', () => {
  it('an emptied question text', () => {
    const json = realJson();
    json.domains[0].rows[2].questions[1].text = '   ';
    const path = writeJson(tempDir(), 'casse.json', json);
    const error = errorOf(() => loadReferentialFile(path));
    expect(error.message).toContain('casse.json');
    expect(error.message).toContain('$.domains[0].rows[2].questions[1].text');
    expect(error.message).toMatch(/>=\s*1/); // zod's own message follows the path
  });

  it('a file under the package root is named by its relative path', () => {
    const error = errorOf(() => loadReferentialFile(fromRoot('data', 'referentiels', 'absent.json')));
    expect(error.message).toContain('data/referentiels/absent.json');
    expect(error.message).not.toContain(packageRoot());
  });

  it('a missing field', () => {
    const json = realJson();
    delete json.scales.list[1].descriptors[3].text;
    const error = errorOf(() => loadReferentialFile(writeJson(tempDir(), 'champ.json', json)));
    expect(error.message).toContain('champ.json');
    expect(error.message).toContain('$.scales.list[1].descriptors[3].text');
  });

  it('invalid JSON', () => {
    const path = writeJson(tempDir(), 'pas-du-json.json', '{ "schemaVersion": 1, ');
    const error = errorOf(() => loadReferentialFile(path));
    expect(error.message).toContain('pas-du-json.json');
    expect(error.message).toContain("n'est pas du JSON valide");
  });

  it('a row referring to an unknown role-play sheet', () => {
    const json = realJson();
    json.domains[1].rows[0].rolePlays = [9];
    const error = errorOf(() => loadReferentialFile(writeJson(tempDir(), 'fiche.json', json)));
    expect(error.message).toContain('$.domains[1].rows[0].rolePlays[0]');
    expect(error.message).toContain('fiche inconnue : 9');
  });

  it('scale bands with a hole', () => {
    const json = realJson();
    json.scales.list[0].descriptors[2].band.from = 55;
    const error = errorOf(() => loadReferentialFile(writeJson(tempDir(), 'trou.json', json)));
    expect(error.message).toContain('$.scales.list[0].descriptors');
    expect(error.message).toContain('sans trou');
  });

  it('a conditional line whose condition does not exist', () => {
    const json = realJson();
    json.rolePlays[1].lines[4].condition = 'inconnue';
    const error = errorOf(() => loadReferentialFile(writeJson(tempDir(), 'condition.json', json)));
    expect(error.message).toContain('$.rolePlays[1].lines[4].condition');
  });

  it('an observation rule tied to an unknown criterion', () => {
    const json = realJson();
    json.rolePlays[2].observationRules[0].criterion = 'nulle-part';
    const error = errorOf(() => loadReferentialFile(writeJson(tempDir(), 'regle.json', json)));
    expect(error.message).toContain('$.rolePlays[2].observationRules[0].criterion');
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  it.each<[string, (json: any) => void, string, string]>([
    ['a reaction to a line the sheet does not have', (json) => (json.rolePlays[0].client.reactions[0].line = 'pas-une-replique'), '$.rolePlays[0].client.reactions[0].line', 'réplique inconnue : pas-une-replique'],
    ['a reaction to the closing line', (json) => (json.rolePlays[0].client.reactions[0].line = 'fin-appel'), '$.rolePlays[0].client.reactions[0].line', "la réplique de fin n'attend pas de réponse"],
    ['two reactions to one line', (json) => (json.rolePlays[2].client.reactions[1].line = json.rolePlays[2].client.reactions[0].line), '$.rolePlays[2].client.reactions[1].line', 'réplique en double'],
    ['a reaction expecting an unknown idea', (json) => (json.rolePlays[1].client.reactions[2].expects[0] = 'nulle-part'), '$.rolePlays[1].client.reactions[2].expects[0]', 'idée inconnue : nulle-part'],
    ['a conclusion on an unknown criterion', (json) => (json.rolePlays[1].client.conclusion.criterion = 'critere-fantome'), '$.rolePlays[1].client.conclusion.criterion', 'critère inconnu : critere-fantome'],
    ['a conclusion on an unknown idea', (json) => (json.rolePlays[0].client.conclusion.ideas[1] = 'nulle-part'), '$.rolePlays[0].client.conclusion.ideas[1]', 'idée inconnue'],
    ['calming on an unknown idea', (json) => (json.rolePlays[2].client.calming.proposes[0] = 'nulle-part'), '$.rolePlays[2].client.calming.proposes[0]', 'idée inconnue'],
    ['an added line that claims to be the sheet’s', (json) => (json.rolePlays[0].client.acknowledgements[0].fromSheet = true), '$.rolePlays[0].client.acknowledgements[0].fromSheet', ''],
    ['an idea without keywords', (json) => (json.rolePlays[0].client.ideas[0].keywords = []), '$.rolePlays[0].client.ideas[0].keywords', ''],
  ])('%s', (_name, breakIt, path, message) => {
    const json = realJson();
    breakIt(json);
    const error = errorOf(() => loadReferentialFile(writeJson(tempDir(), 'client.json', json)));
    expect(error.message).toContain(path);
    expect(error.message).toContain(message);
  });

  it('a sheet without client data still loads: its lines simply follow each other', () => {
    const json = realJson();
    delete json.rolePlays[2].client;
    expect(loadReferentialFile(writeJson(tempDir(), 'sans-client.json', json)).rolePlays[2]?.client).toBeUndefined();
  });
});

describe('jsonPath', () => {
  it.each([
    [[], '$'],
    [['domains', 0, 'rows', 2, 'questions', 1, 'text'], '$.domains[0].rows[2].questions[1].text'],
    [['a-b'], '$["a-b"]'],
  ])('%j → %s', (path, expected) => {
    expect(jsonPath(path)).toBe(expected);
  });
});

describe('referentialTexts', () => {
  const ref = loadReferentialFile(realFile);
  const texts = referentialTexts(ref);
  const count = (kind: string, sheet?: number) =>
    texts.filter((t) => t.kind === kind && (sheet === undefined || t.sheet === sheet)).length;

  it('lists what a juror must reach, with sheet and row', () => {
    expect(count('row')).toBe(7);
    expect(count('question')).toBe(7);
    expect(texts.filter((t) => t.kind === 'question').map((t) => t.row)).toEqual([
      'gpa', 'gpa', 'gpa', 'prise-de-commande', 'organisation-prise-de-poste', 'erreur-interne', 'gestion-litiges',
    ]);
    expect([1, 2, 3].map((s) => count('relaunch', s))).toEqual([7, 3, 4]);
    expect(count('direction', 1)).toBe(1);
    expect(count('conditional', 2)).toBe(1);
    expect(count('condition', 2)).toBe(1);
    expect([1, 2, 3].map((s) => count('criterion', s))).toEqual([4, 3, 3]);
    expect(count('descriptor')).toBe(8);
    expect(count('principle')).toBe(4);
    expect(count('step')).toBe(6);
    expect(count('note', 3)).toBe(1);
  });

  it('gives the sheet\'s stage direction, not the line written for the rehearsal', () => {
    const direction = texts.find((t) => t.kind === 'direction');
    expect(direction?.text).toBe('Le client devient insultant, que faites vous ?');
    const written = ref.rolePlays.flatMap((s) => s.lines.filter((l) => !l.fromSheet).map((l) => l.text));
    expect(texts.some((t) => written.includes(t.text))).toBe(false);
  });
});
