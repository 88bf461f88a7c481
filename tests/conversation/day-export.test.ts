import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinkToken, createPdfToken } from '../../src/pdf/index.js';
import { actionsOf, cardWithVerb } from '../helpers/cards.js';
import { openUrls, serve, signCurrent } from '../helpers/day-export.js';
import { JuryHarness } from '../helpers/jury.js';
import { endedJury } from '../helpers/jury-scenarios.js';
import { readCsv, readXlsx } from '../helpers/spreadsheets.js';
import { visibleText } from '../helpers/test-app.js';

const LEA = { last: 'Dupont', first: 'Léa', company: 'Laiterie du Val' };
const CHLOE = { last: 'Bernard', first: 'Chloé', company: 'Fromagerie Alpine' };
const HUGO = { last: 'Œuvray', first: 'Hugo', company: 'Biscuiterie « Morel »' };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function served(jury: JuryHarness) {
  const server = await serve(jury.app);
  closers.push(server.close);
  return server;
}

/** Léa signed, Chloé waiting for grids, Hugo signed: Claire presiding, Marc and Inès on the jury. */
async function dayOfThree(): Promise<{ jury: JuryHarness; sessionId: string }> {
  const jury = new JuryHarness();
  await jury.create('claire', 'jury', LEA);
  await jury.joinAccepted('marc');
  await jury.joinAccepted('ines');
  await signCurrent(jury, { 'relation-client': '60', 'produits-offres': '52', 'outil-organisation': '57' });
  await endedJury(jury, CHLOE);
  await jury.create('claire', 'jury', HUGO);
  await signCurrent(jury, { 'relation-client': '75', 'produits-offres': '40', 'outil-organisation': '68' });
  const evaluation = await jury.app.repositories.evaluations.get(jury.evaluationId);
  return { jury, sessionId: evaluation?.sessionId ?? '' };
}

async function exportTrail(jury: JuryHarness, sessionId: string) {
  return (await jury.app.repositories.audit.listTrail(sessionId)).filter((e) => e.action === 'session.export');
}

describe("the jury day's export for the deliberation", () => {
  it('exports the two signed evaluations of a day of three as XLSX, CSV and a ZIP with their PDFs, and audits it', async () => {
    const { jury, sessionId } = await dayOfThree();

    const card = await jury.say('claire', 'exporter la journée');
    const shown = visibleText(card);
    for (const part of ['Dupont Léa', 'Bernard Chloé', 'Œuvray Hugo', 'Journée du 28/11/2026 · Présidence du jury', '2 évaluation(s) signée(s) sur 3.', 'Entretien terminé, grilles en cours']) {
      expect(shown).toContain(part);
    }
    expect(shown.match(/Exportée/g)).toHaveLength(2);
    expect(shown.match(/Non exportée \(pas signée\)/g)).toHaveLength(1);
    expect(await exportTrail(jury, sessionId)).toEqual([]);

    const links = await jury.click('claire', card, 'export.links');
    expect(visibleText(links)).toContain("Liens personnels, valables jusqu'à");
    const urls = Object.fromEntries(openUrls(links).map(({ url }) => [url.split('/').pop(), url]));
    expect(Object.keys(urls).sort()).toEqual(['csv', 'xlsx', 'zip']);

    // The export is in the day's trail: who, when, how many.
    const trail = await exportTrail(jury, sessionId);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ by: 'claire', at: jury.clock.now().toISOString(), after: { evaluations: 2 } });

    const server = await served(jury);
    const xlsxResponse = await server.get(urls.xlsx ?? '');
    expect(xlsxResponse.status).toBe(200);
    expect(xlsxResponse.headers.get('cache-control')).toBe('no-store');
    expect(xlsxResponse.headers.get('content-disposition')).toBe('attachment; filename="2026-11-28_resultats.xlsx"');
    const xlsx = Buffer.from(await xlsxResponse.arrayBuffer());
    const sheet = await readXlsx(xlsx);
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[0]?.[0]).toBe("Date de l'évaluation");
    expect(sheet.frozenRows).toBe(1);
    const [, lea, hugo] = sheet.rows;
    expect(lea?.slice(1, 4)).toEqual(['Dupont', 'Léa', 'Laiterie du Val']);
    expect(lea?.[4]).toBe('Claire Martin (responsable ADV) ; Marc Petit (commercial) ; Inès Roy (formatrice)');
    expect(lea?.slice(5, 8)).toEqual([0.6, 0.52, 0.57]);
    expect(sheet.formats[1]?.slice(5, 8)).toEqual(['0 %', '0 %', '0 %']);
    expect(lea?.slice(8, 12)).toEqual(['Échanges « clairs » ; à consolider.', 'Claire Martin', expect.any(Date), 'cqp-agc']);
    expect(hugo?.slice(1, 3)).toEqual(['Œuvray', 'Hugo']);
    expect(hugo?.slice(5, 8)).toEqual([0.75, 0.4, 0.68]);
    expect(sheet.rows.flat()).not.toContain('Bernard');

    const csvResponse = await server.get(urls.csv ?? '');
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await readCsv(Buffer.from(await csvResponse.arrayBuffer()));
    expect(csv.bom).toBe(true);
    expect(csv.rows).toHaveLength(3);
    expect(csv.rows.map((row) => row.slice(1, 3))).toEqual([
      ['Nom du candidat', 'Prénom du candidat'],
      ['Dupont', 'Léa'],
      ['Œuvray', 'Hugo'],
    ]);
    expect(csv.rows[1]?.slice(5, 8)).toEqual([60, 52, 57]);
    expect(csv.rows[2]?.slice(5, 8)).toEqual([75, 40, 68]);
    expect(csv.rows[2]?.[3]).toBe('Biscuiterie « Morel »');

    const zipResponse = await server.get(urls.zip ?? '');
    expect(zipResponse.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await zipResponse.arrayBuffer()));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['2026-11-28_Dupont_Léa.pdf', '2026-11-28_resultats.csv', '2026-11-28_resultats.xlsx', '2026-11-28_Œuvray_Hugo.pdf']);
    const inZip = await readXlsx(await zip.file('2026-11-28_resultats.xlsx')!.async('nodebuffer'));
    expect(inZip.rows).toEqual(sheet.rows);
    const pdf = await zip.file('2026-11-28_Œuvray_Hugo.pdf')!.async('uint8array');
    const parser = new PDFParse({ data: pdf });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('Œuvray Hugo');
      expect(text).toContain('75 %');
      expect(text).toContain('Signé par Claire Martin');
    } finally {
      await parser.destroy();
    }

    // Fifteen minutes later the links are dead; a fresh export gives new ones.
    jury.clock.advance(15);
    const expired = await server.get(urls.csv ?? '');
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Ce lien a expiré');
  });

  it('offers the export from the dashboard, and speaks English to an English-speaking president, headers included', async () => {
    const jury = new JuryHarness();
    await jury.create('claire', 'jury', LEA);
    await jury.joinAccepted('marc');
    await signCurrent(jury, { 'relation-client': '61', 'produits-offres': '62', 'outil-organisation': '63' }, ['marc', 'claire']);

    const dashboard = await jury.say('claire', 'tableau de bord');
    const fromDashboard = await jury.click('claire', dashboard, 'export.open');
    expect(visibleText(fromDashboard)).toContain('1 évaluation(s) signée(s) sur 1.');
    expect(visibleText(await jury.say('marc', 'tableau de bord'))).not.toContain('Exporter les résultats');

    const english = jury.chat('claire', { locale: 'en-US' });
    const card = await english.say('export the day');
    expect(visibleText(card)).toContain('1 signed evaluation(s) out of 1.');
    const links = await english.submit(actionsOf(cardWithVerb(card, 'export.links')).find((a) => a.data.verb === 'export.links')!.data);
    const xlsx = openUrls(links).find((l) => l.url.endsWith('/xlsx'))?.url ?? '';
    expect(xlsx).toContain('/en/xlsx');
    const server = await served(jury);
    const sheet = await readXlsx(Buffer.from(await (await server.get(xlsx)).arrayBuffer()));
    expect(sheet.name).toBe('Results');
    expect(sheet.rows[0]?.slice(0, 3)).toEqual(['Evaluation date', 'Candidate last name', 'Candidate first name']);
    expect(sheet.rows[1]?.slice(5, 8)).toEqual([0.61, 0.62, 0.63]);
  });

  it('exports a lone professional’s own signed evaluations of the day', async () => {
    const jury = new JuryHarness();
    await jury.create('paul', 'professional', LEA);
    await signCurrent(jury, { 'relation-client': '70', 'produits-offres': '50', 'outil-organisation': '60' }, ['paul'], 'paul');
    await jury.create('paul', 'professional', CHLOE);
    // A day prepared ahead is not the one the command opens.
    const form = await jury.say('paul', 'nouvelle évaluation');
    await jury.click('paul', form, 'evaluation.create', () => true, { date: '2026-12-05', mode: 'professional', candidateLastName: 'Morel', candidateFirstName: 'Sami', company: 'Biscuiterie Morel', creatorName: 'Paul Girard', creatorFunction: 'chef des ventes' });
    expect((await jury.app.repositories.sessions.listForMember('paul')).map((s) => s.date).sort()).toEqual(['2026-11-28', '2026-12-05']);

    const card = await jury.say('paul', 'exporter la journée');
    expect(visibleText(card)).not.toContain('Morel');
    expect(visibleText(card)).toContain('Mode professionnel seul');
    expect(visibleText(card)).toContain('1 évaluation(s) signée(s) sur 2.');
    const links = await jury.click('paul', card, 'export.links');
    const server = await served(jury);
    const csvLink = openUrls(links).find((l) => l.url.endsWith('/csv'))?.url ?? '';
    const csv = await readCsv(Buffer.from(await (await server.get(csvLink)).arrayBuffer()));
    expect(csv.rows).toHaveLength(2);
    expect(csv.rows[1]?.slice(1, 5)).toEqual(['Dupont', 'Léa', 'Laiterie du Val', 'Paul Girard (chef des ventes)']);
    expect(csv.rows[1]?.slice(5, 10)).toEqual([70, 50, 60, 'Échanges « clairs » ; à consolider.', 'Paul Girard']);
  });

  it('says there is nothing to export while nothing is signed, and writes nothing', async () => {
    const jury = await endedJury(new JuryHarness(), LEA);
    const card = await jury.say('claire', 'exporter la journée');
    expect(visibleText(card)).toContain("Aucune évaluation n'est encore signée");
    expect(() => cardWithVerb(card, 'export.links')).toThrow();
    const evaluation = await jury.app.repositories.evaluations.get(jury.evaluationId);
    const forced = await jury.chat('claire').submit({ verb: 'export.links', sessionId: evaluation?.sessionId });
    expect(visibleText(forced)).toContain("Aucune évaluation de cette journée n'est signée");
    expect(await exportTrail(jury, evaluation?.sessionId ?? '')).toEqual([]);
  });

  it('refuses a juror, a candidate and the president of another day, in chat and over HTTP, and writes nothing', async () => {
    const jury = new JuryHarness();
    await jury.create('claire', 'jury', LEA);
    await jury.joinAccepted('marc');
    await signCurrent(jury, { 'relation-client': '60', 'produits-offres': '60', 'outil-organisation': '60' }, ['marc', 'claire']);
    const claireEvaluation = jury.evaluationId;
    const sessionId = (await jury.app.repositories.evaluations.get(claireEvaluation))?.sessionId ?? '';
    // Paul presides over another day of his own.
    await jury.create('paul', 'jury', CHLOE);
    await jury.say('lea', 'répétition');
    const before = {
      trail: await jury.app.repositories.audit.listTrail(sessionId),
      session: await jury.app.repositories.sessions.get(sessionId),
      evaluation: await jury.app.repositories.evaluations.get(claireEvaluation),
    };

    for (const who of ['marc', 'lea', 'paul'] as const) {
      for (const submission of [{ verb: 'export.open', sessionId }, { verb: 'export.links', sessionId }]) {
        const replies = await jury.chat(who).submit(submission);
        expect(visibleText(replies), `${who} ${submission.verb}`).toContain("Seul le président d'une journée de jury");
        expect(openUrls(replies)).toEqual([]);
      }
    }
    for (const who of ['marc', 'lea'] as const) expect(visibleText(await jury.say(who, 'exporter la journée'))).toContain("Seul le président d'une journée de jury");
    // Paul's own command opens his day, never Claire's.
    const own = visibleText(await jury.say('paul', 'exporter la journée'));
    expect(own).toContain('Bernard Chloé');
    expect(own).not.toContain('Dupont Léa');
    // In a group chat, nothing is shown.
    const group = await jury.chat('claire', { conversationType: 'groupChat' }).say('exporter la journée');
    expect(visibleText(group)).toContain('conversation personnelle');
    expect(openUrls(group)).toEqual([]);

    expect(await jury.app.repositories.audit.listTrail(sessionId)).toEqual(before.trail);
    expect(await jury.app.repositories.sessions.get(sessionId)).toEqual(before.session);
    expect(await jury.app.repositories.evaluations.get(claireEvaluation)).toEqual(before.evaluation);

    // A link signed for someone who is not the day's president opens nothing; nor does a PDF link.
    const server = await served(jury);
    const now = jury.clock.now();
    const secret = jury.app.linkSecret;
    for (const userId of ['marc', 'lea', 'paul']) {
      const response = await server.get(`http://x/export/${createLinkToken('dayExport', { recordId: sessionId, userId, now, secret })}/fr/csv`);
      expect(response.status, userId).toBe(403);
      expect(await response.text()).toContain('réservés au président');
    }
    const pdfToken = createPdfToken({ evaluationId: sessionId, userId: 'claire', now, secret });
    expect((await server.get(`http://x/export/${pdfToken}/fr/zip`)).status).toBe(404);
    const claire = createLinkToken('dayExport', { recordId: sessionId, userId: 'claire', now, secret });
    expect((await server.get(`http://x/export/${claire}/de/zip`)).status).toBe(404);
    expect((await server.get(`http://x/export/${claire}/fr/pdf`)).status).toBe(404);
    expect((await server.get(`http://x/export/${claire}/fr/csv`)).status).toBe(200);
  });
});
