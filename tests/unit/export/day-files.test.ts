import { beforeAll, describe, expect, it } from 'vitest';
import { dayCsv, dayResultTable, dayXlsx, pdfEntryNames, referentialVersion, type DayResultTable } from '../../../src/export/index.js';
import { translator } from '../../../src/i18n/translate.js';
import { loadReferentials } from '../../../src/referential/load-referentials.js';
import type { Referential } from '../../../src/referential/schema.js';
import { evaluationRecord, signedVersion } from '../../helpers/signed-synthesis.js';
import { readCsv, readXlsx } from '../../helpers/spreadsheets.js';

let referential: Referential;
let table: DayResultTable;

const first = { evaluation: evaluationRecord(), signed: signedVersion({ comment: 'Bonne écoute ; « reformule » et "conclut".\nÀ suivre.' }) };
const second = {
  evaluation: evaluationRecord({ id: 'e2', header: { date: '2026-11-28', candidateLastName: 'Núñez', candidateFirstName: 'Zoé', company: '=HYPERLINK("x")' } }),
  signed: signedVersion({
    domains: {
      'relation-client': { percentage: 57, notEvaluatedReason: null },
      'produits-offres': { percentage: null, notEvaluatedReason: 'Pas de question posée' },
      'outil-organisation': { percentage: 0, notEvaluatedReason: null },
    },
    comment: '',
    signedAt: '2026-11-28T16:59:00.000Z',
  }),
};

beforeAll(() => {
  const found = loadReferentials().get('cqp-agc');
  if (!found) throw new Error('cqp-agc referential missing');
  referential = found;
  table = dayResultTable(referential, [first, second], translator('fr'), 'Europe/Paris');
});

describe('the day result table', () => {
  it('has the columns the deliberation needs, the domains in the referential order', () => {
    expect(table.columns.map((c) => c.header)).toEqual([
      "Date de l'évaluation",
      'Nom du candidat',
      'Prénom du candidat',
      'Entreprise',
      'Membres du jury (nom et fonction)',
      ...referential.domains.map((d) => `${d.title} (%)`),
      'Commentaire',
      'Signé par',
      'Signé le',
      'Référentiel',
      'Version du référentiel',
    ]);
  });

  it('follows the president language for its headers, never for the referential texts', () => {
    const english = dayResultTable(referential, [first], translator('en'), 'Europe/Paris');
    expect(english.columns[0]?.header).toBe('Evaluation date');
    expect(english.columns[5]?.header).toBe(`${referential.domains[0]?.title} (%)`);
  });

  it('names the referential version, else a fingerprint that changes with its content', () => {
    expect(referentialVersion({ ...referential, version: '2024-09' })).toBe('2024-09');
    const fingerprint = referentialVersion(referential);
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(referentialVersion({ ...referential, name: `${referential.name} bis` })).not.toBe(fingerprint);
  });
});

describe('the XLSX', () => {
  it('holds one row per evaluation: percentages as numbers formatted 0 %, dates as dates, a frozen bold header', async () => {
    const sheet = await readXlsx(await dayXlsx(table, 'Résultats', new Date('2026-11-28T17:00:00Z')));
    expect(sheet.name).toBe('Résultats');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[0]).toEqual(table.columns.map((c) => c.header));
    expect(sheet.widths).toEqual(table.columns.map((c) => c.width));

    const [, lea, zoe] = sheet.rows;
    expect(lea?.slice(0, 5)).toEqual([
      new Date('2026-11-28T00:00:00Z'),
      'Œuvray-Dupré',
      'Léa',
      'Coopérative « Les Vergers »',
      'Claire Martin (Présidente du jury, responsable d’agence) ; Marc Petit (Commercial sédentaire) ; Inès Roy (Formatrice « relation client »)',
    ]);
    expect(lea?.slice(5, 8)).toEqual([0.6, 0.75, 0.45]);
    expect(sheet.formats[1]?.slice(5, 8)).toEqual(['0 %', '0 %', '0 %']);
    expect(sheet.formats[1]?.[0]).toBe('dd/mm/yyyy');
    expect(lea?.slice(8)).toEqual([
      first.signed.comment,
      'Claire Martin',
      new Date('2026-11-28T14:05:00Z'), // 14 h 05 in Paris, written as wall-clock time
      'cqp-agc',
      referentialVersion(referential),
    ]);
    expect(zoe?.slice(5, 8)).toEqual([0.57, 'Non évalué : Pas de question posée', 0]);
    // A text that looks like a formula stays a text in the workbook.
    expect(zoe?.[3]).toBe('=HYPERLINK("x")');
    expect(zoe?.[10]).toEqual(new Date('2026-11-28T17:59:00Z'));
  });
});

describe('the CSV', () => {
  it('starts with the UTF-8 BOM and reads back with ; as separator, accents and quoting intact', async () => {
    const data = dayCsv(table);
    const csv = await readCsv(data);
    expect(csv.bom).toBe(true);
    expect(csv.rows).toHaveLength(3);
    expect(csv.rows[0]).toEqual(table.columns.map((c) => c.header));
    const [, lea, zoe] = csv.rows;
    expect(lea?.slice(0, 4)).toEqual(['28/11/2026', 'Œuvray-Dupré', 'Léa', 'Coopérative « Les Vergers »']);
    expect(lea?.slice(5, 8)).toEqual([60, 75, 45]);
    expect(lea?.[8]).toBe(first.signed.comment);
    expect(lea?.[10]).toBe('28/11/2026 14:05');
    expect(zoe?.slice(1, 2)).toEqual(['Núñez']);
    expect(zoe?.slice(5, 8)).toEqual([57, 'Non évalué : Pas de question posée', 0]);
    // Excel would run it: it is neutralised with an apostrophe.
    expect(zoe?.[3]).toBe('\'=HYPERLINK("x")');
  });

  it('uses CRLF line ends, as Excel writes them', () => {
    const text = dayCsv(table).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Header, Léa, Zoé and the final empty piece: the comment's own line break stays inside its quoted field.
    expect(text.split('\r\n')).toHaveLength(4);
  });
});

describe('the PDF names in the archive', () => {
  it.each([
    [[{ date: '2026-11-28', lastName: 'Dupont', firstName: 'Léa' }], ['2026-11-28_Dupont_Léa.pdf']],
    [[{ date: '2026-11-28', lastName: 'De La Fontaine', firstName: 'Jean Marie' }], ['2026-11-28_De-La-Fontaine_Jean-Marie.pdf']],
    [[{ date: '2026-11-28', lastName: 'A/B\\C:D', firstName: '..Zoé?' }], ['2026-11-28_A-B-C-D_Zoé.pdf']],
    [
      [
        { date: '2026-11-28', lastName: 'Martin', firstName: 'Léa' },
        { date: '2026-11-28', lastName: 'MARTIN', firstName: 'LÉA' },
      ],
      ['2026-11-28_Martin_Léa.pdf', '2026-11-28_MARTIN_LÉA_2.pdf'],
    ],
  ])('%j → %j', (candidates, names) => {
    expect(pdfEntryNames(candidates)).toEqual(names);
  });
});
