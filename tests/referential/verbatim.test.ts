import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { fromRoot } from '../../src/paths.js';
import { loadReferentialFile } from '../../src/referential/load-referentials.js';
import { normalizeVerbatim as n } from '../../src/referential/verbatim.js';

/**
 * The referential must hold the whole seed guide, word for word. This test reads the guide
 * itself (data/sources, a byte copy of the seed) from top to bottom, parses every paragraph,
 * and compares each one with the data at its place. The parser must consume the whole guide,
 * so a paragraph the data forgot, or a new one in the guide, fails the test.
 */

type Item = { kind: 'text'; raw: string } | { kind: 'row'; cells: string[] };

/** Paragraphs (blank-line separated) become items; a "- " line starts its own item; tab lines are table rows. */
function itemsOf(seed: string): Item[] {
  const items: Item[] = [];
  for (const paragraph of seed.split(/\n[ \t]*(?:\n|$)/)) {
    const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
    if (lines.some((line) => line.includes('\t'))) {
      for (const line of lines) items.push({ kind: 'row', cells: line.split('\t').map((c) => c.trim()) });
      continue;
    }
    let current: string[] = [];
    for (const line of lines) {
      if (line.startsWith('- ') && current.length > 0) {
        items.push({ kind: 'text', raw: current.join(' ') });
        current = [];
      }
      current.push(line);
    }
    if (current.length > 0) items.push({ kind: 'text', raw: current.join(' ') });
  }
  return items;
}

class Reader {
  private index = 0;
  constructor(private readonly items: Item[]) {}

  get done(): boolean {
    return this.index >= this.items.length;
  }

  /** The next item's raw text, bullet marker removed unless asked; fails on a table row. */
  raw(keepBullet = false): string {
    const item = this.items[this.index++];
    if (item?.kind !== 'text') throw new Error(`paragraphe attendu à l'élément ${this.index - 1}, trouvé ${JSON.stringify(item)}`);
    return keepBullet ? item.raw : item.raw.replace(/^-\s+/, '');
  }

  text(): string {
    return n(this.raw());
  }

  row(): string[] {
    const item = this.items[this.index++];
    if (item?.kind !== 'row') throw new Error(`ligne de tableau attendue à l'élément ${this.index - 1}, trouvé ${JSON.stringify(item)}`);
    return item.cells;
  }

  isRow(): boolean {
    return this.items[this.index]?.kind === 'row';
  }

  expect(heading: string | RegExp): string {
    const text = this.text();
    const ok = typeof heading === 'string' ? text === heading : heading.test(text);
    if (!ok) throw new Error(`titre attendu ${String(heading)}, trouvé « ${text} »`);
    return text;
  }

  /** Raw texts (bullet markers removed) up to, not including, the next paragraph matching `stop`. */
  rawUntil(stop: (text: string) => boolean, keepBullets = false): string[] {
    const out: string[] = [];
    for (;;) {
      const item = this.items[this.index];
      if (item === undefined || (item.kind === 'text' && stop(n(item.raw)))) return out;
      out.push(this.raw(keepBullets));
    }
  }
}

const isBullet = (raw: string): boolean => raw.startsWith('- ');
const heading = (h: string) => (text: string) => text === h;

interface SeedLine {
  type: 'relaunch' | 'direction' | 'conditional';
  text: string;
  condition?: string;
}

function parseSeed(seed: string) {
  const r = new Reader(itemsOf(seed));

  const headerIndividual = r.row().map(n);
  const audience = r.text();
  const guideTitle = r.text();
  const intro = r.text();

  const objectivesTitle = r.expect("Les objectifs de l'évaluation Jury ou Professionnel");
  const procedureTitleText = "Le déroulement de l'épreuve jury ou professionnel";
  // Bullets kept here: they are the capacities, the paragraph before them introduces them.
  const objectivesRaw = r.rawUntil(heading(procedureTitleText), true);
  const capacities = objectivesRaw.filter(isBullet).map((s) => n(s.slice(2)));
  const objectiveTexts = objectivesRaw.filter((s) => !isBullet(s)).map(n);
  const capacitiesIntro = objectiveTexts.pop() ?? '';

  const procedureTitle = r.expect(procedureTitleText);
  const before = r.expect("AVANT L'EPREUVE JURY");
  const beforeItems = r.rawUntil(heading("PENDANT L'EPREUVE JURY")).map(n);
  const during = r.expect("PENDANT L'EPREUVE JURY");
  const duringItems = r.rawUntil(heading("APRES L'EPREUVE JURY")).map(n);
  const after = r.expect("APRES L'EPREUVE JURY");
  const afterItems = r.rawUntil(heading("Echelles d'appréciation")).map(n);

  const scalesTitle = r.expect("Echelles d'appréciation");
  const scaleItems = r.rawUntil(heading("Grille d'observation")).map(n);
  const marks = scaleItems.filter((s) => /^\d+%$/.test(s)).map((s) => Number(s.slice(0, -1)));
  const scaleTexts = scaleItems.filter((s) => !/^\d+%$/.test(s));
  const scales = [scaleTexts.slice(0, 5), scaleTexts.slice(5)].map(([title, ...descriptors]) => ({ title, descriptors }));

  const gridTitle = r.expect("Grille d'observation");
  const columns = r.row().map(n);
  const domains: { title: string; rows: { title: string; questions: string[]; rolePlays: number[] }[] }[] = [];
  while (r.isRow()) {
    const [domainCell = '', titleCell = '', questionsCell = ''] = r.row();
    if (domainCell !== '') domains.push({ title: n(domainCell), rows: [] });
    // Split the cell on its "Question :" labels; what comes before is the role-play reference.
    const [lead = '', ...questions] = questionsCell.replace(/<\/?u>/g, '').split(/(?:^|\s)Question\s*:/);
    const rolePlays = [...lead.matchAll(/fiche n°\s*(\d+)/g)].map((m) => Number(m[1]));
    domains.at(-1)?.rows.push({ title: n(titleCell), questions: questions.map(n), rolePlays });
  }

  const reportTitle = r.text();
  const reportDomains = r.row().map(n);
  const reportAppraisal = r.row().map(n);
  const synthesisAudience = r.text();
  const headerSynthesis = r.row().map(n);
  const synthesisTitle = r.text();
  const synthesisDomains = r.row().map(n);
  const synthesisAppraisal = r.row().map(n);
  const comment = r.text();
  const signature = r.text();

  const sheets = [];
  while (!r.done) {
    const number = Number(/^Fiche de Jeux de rôle n°(\d+)$/.exec(r.text())?.[1]);
    const title = r.raw().replace(/^-?\s*(.*?)\s*-$/, '$1');
    const rolesHeading = r.expect('Distribution des rôles');
    const [candidateLabel, candidate] = r.text().split(/\s*:\s*/);
    const [juryLabel, jury] = r.text().split(/\s*:\s*/);
    const contextHeading = r.expect('Contexte');
    const contextRaw = r.rawUntil(heading('Relances'));
    const note = contextRaw.filter((s) => s.startsWith('Note :')).map(n);
    const context = contextRaw.filter((s) => !s.startsWith('Note :')).map(n);
    const relaunchesHeading = r.expect('Relances');
    let relaunchesIntro: string | undefined;
    let pendingCondition: string | undefined;
    const lines: SeedLine[] = [];
    for (const raw of r.rawUntil((text) => /^Critères de réussite\s*:?$/.test(text)).map(n)) {
      if (raw.startsWith('«') && raw.endsWith('»')) {
        const text = raw.slice(1, -1).trim();
        lines.push(pendingCondition ? { type: 'conditional', text, condition: pendingCondition } : { type: 'relaunch', text });
        pendingCondition = undefined;
      } else if (/^Si .*:$/.test(raw)) {
        pendingCondition = raw.replace(/\s*:$/, '');
      } else if (raw.endsWith(':') && lines.length === 0) {
        relaunchesIntro = raw;
      } else {
        lines.push({ type: 'direction', text: raw });
      }
    }
    const criteriaHeading = r.text().replace(/\s*:$/, '');
    const criteria = r.rawUntil((text) => text.startsWith('Fiche de Jeux de rôle n°')).map(n);
    sheets.push({
      number, title: n(title), rolesHeading, candidateLabel, candidate, juryLabel, jury, contextHeading,
      context, note: note[0], relaunchesHeading, relaunchesIntro, lines, criteriaHeading, criteria,
    });
  }

  return {
    headerIndividual, audience, guideTitle, intro, objectivesTitle, objectiveTexts, capacitiesIntro, capacities,
    procedureTitle, headings: { before, during, after }, beforeItems, duringItems, afterItems,
    scalesTitle, scales, marks, gridTitle, columns, domains, reportTitle, reportDomains, reportAppraisal,
    synthesisAudience, headerSynthesis, synthesisTitle, synthesisDomains, synthesisAppraisal, comment, signature, sheets,
  };
}

const seedText = readFileSync(fromRoot('data', 'sources', 'guide-cqp-agc.txt'), 'utf8');
const seed = parseSeed(seedText);
const ref = loadReferentialFile(fromRoot('data', 'referentiels', 'cqp-agc.json'));
const all = (texts: readonly string[]): string[] => texts.map(n);

describe('the seed parser reads the whole guide (so a dropped item cannot go unnoticed)', () => {
  it('finds the counts of the guide', () => {
    expect(seed.headerIndividual).toHaveLength(4);
    expect(seed.headerSynthesis).toHaveLength(4);
    expect(seed.objectiveTexts).toHaveLength(1);
    expect(seed.capacities).toHaveLength(2);
    expect(seed.beforeItems).toHaveLength(12);
    expect(seed.duringItems).toHaveLength(8);
    expect(seed.afterItems).toHaveLength(8);
    expect(seed.scales.map((s) => s.descriptors.length)).toEqual([4, 4]);
    expect(seed.marks).toEqual([0, 30, 50, 70, 100]);
    expect(seed.domains.map((d) => d.rows.length)).toEqual([3, 1, 3]);
    expect(seed.domains.flatMap((d) => d.rows.map((row) => row.questions.length))).toEqual([0, 0, 3, 1, 1, 1, 1]);
    expect(seed.domains.flatMap((d) => d.rows.flatMap((row) => row.rolePlays))).toEqual([1, 2, 3]);
    expect(seed.sheets.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(seed.sheets.map((s) => s.context.length)).toEqual([2, 1, 1]);
    expect(seed.sheets.map((s) => s.note !== undefined)).toEqual([false, false, true]);
    expect(seed.sheets.map((s) => s.lines.length)).toEqual([8, 4, 4]);
    expect(seed.sheets.map((s) => s.lines.filter((l) => l.type === 'direction').length)).toEqual([1, 0, 0]);
    expect(seed.sheets.map((s) => s.lines.filter((l) => l.type === 'conditional').length)).toEqual([0, 1, 0]);
    expect(seed.sheets.map((s) => s.criteria.length)).toEqual([4, 3, 3]);
  });
});

describe('the referential holds the guide verbatim, each text at its place', () => {
  it('front matter, header fields and objectives', () => {
    expect(n(ref.audience)).toBe(seed.audience);
    expect(n(ref.guideTitle)).toBe(seed.guideTitle);
    expect(n(ref.intro)).toBe(seed.intro);
    expect(all(ref.headerFields.individual.map((f) => f.label))).toEqual(seed.headerIndividual);
    expect(all(ref.headerFields.synthesis.map((f) => f.label))).toEqual(seed.headerSynthesis);
    expect(n(ref.objectives.title ?? '')).toBe(seed.objectivesTitle);
    expect(all(ref.objectives.paragraphs)).toEqual(seed.objectiveTexts);
    expect(n(ref.objectives.capacitiesIntro)).toBe(seed.capacitiesIntro);
    expect(all(ref.objectives.capacities)).toEqual(seed.capacities);
  });

  it('procedure before / during / after, principles and the president note', () => {
    expect(n(ref.procedure.title ?? '')).toBe(seed.procedureTitle);
    expect(ref.procedure.headings).toEqual(seed.headings);
    expect(all([...ref.procedure.before, ref.principlesIntro ?? '', ...ref.principles, ref.presidentNote])).toEqual(seed.beforeItems);
    // The principles are the bullets right after the sentence that introduces them.
    const introAt = seed.beforeItems.findIndex((s) => s.startsWith('Les principes de fonctionnement'));
    expect(all(ref.principles)).toEqual(seed.beforeItems.slice(introAt + 1, introAt + 5));
    expect(all(ref.procedure.during)).toEqual(seed.duringItems);
    expect(all(ref.procedure.after)).toEqual(seed.afterItems);
  });

  it('interview steps are the guide\'s sentences, in the order of the interview', () => {
    expect(ref.interview.steps.map((s) => s.id)).toEqual(['expliquer', 'outils', 'observation', 'liberation', 'questions', 'notes']);
    const sentences = [...seed.beforeItems, ...seed.duringItems];
    for (const step of ref.interview.steps) {
      // A step is made of the guide's own sentences, taken from one paragraph or several.
      for (const sentence of n(step.text).split(/(?<=[.?!)])\s+(?=[A-ZÀ-Ý(])/)) {
        expect(sentences.some((s) => s.includes(sentence)), `« ${sentence} » n'est pas une phrase du guide`).toBe(true);
      }
    }
    expect(seed.duringItems).toContain(n(ref.interview.maxPeopleAdvice));
    expect(ref.interview.maxPeopleAdvice).toContain(`${ref.interview.maxPeopleAtWorkstation} personnes`);
    expect(seed.duringItems.join(' ')).toContain(`${ref.interview.durationMinutes} mn`);
  });

  it('scales: titles, descriptors in order, marks', () => {
    expect(n(ref.scales.title)).toBe(seed.scalesTitle);
    expect(ref.scales.marks).toEqual(seed.marks);
    expect(ref.scales.list.map((s) => ({ title: n(s.title), descriptors: all(s.descriptors.map((d) => d.text)) }))).toEqual(seed.scales);
    for (const scale of ref.scales.list) {
      expect(scale.descriptors.map((d) => [d.band.from, d.band.to])).toEqual([[0, 30], [30, 50], [50, 70], [70, 100]]);
    }
  });

  it('observation grid: columns, domains, rows, questions on their row, role-play references', () => {
    expect(n(ref.grids.observation)).toBe(seed.gridTitle);
    const c = ref.grids.columns;
    expect(all(c ? [c.domain, c.workstation, c.questions, c.notes, c.percent] : [])).toEqual(seed.columns);
    expect(
      ref.domains.map((d) => ({
        title: n(d.title),
        rows: d.rows.map((row) => ({ title: n(row.title), questions: all(row.questions.map((q) => q.text)), rolePlays: row.rolePlays })),
      })),
    ).toEqual(seed.domains);
  });

  it('report and synthesis grids', () => {
    expect(n(ref.grids.individualReport)).toBe(seed.reportTitle);
    expect(n(ref.grids.synthesis)).toBe(seed.synthesisTitle);
    expect(n(ref.grids.synthesisAudience)).toBe(seed.synthesisAudience);
    expect(n(ref.grids.comment)).toBe(seed.comment.replace(/\s*:$/, ''));
    expect(n(ref.grids.signature)).toBe(seed.signature);
    const domainsRow = [n(ref.grids.reportLabels?.domains ?? ''), ...all(ref.domains.map((d) => d.title))];
    expect(domainsRow).toEqual(seed.reportDomains);
    expect(domainsRow).toEqual(seed.synthesisDomains);
    expect(seed.reportAppraisal[0]).toBe(n(ref.grids.reportLabels?.appraisal ?? ''));
    expect(seed.synthesisAppraisal[0]).toBe(n(ref.grids.reportLabels?.appraisal ?? ''));
    expect(seed.reportAppraisal.slice(1)).toEqual(['%', '%', '%']);
  });

  it.each([1, 2, 3])('role-play sheet %i: title, roles, context, note, headings', (number) => {
    const s = seed.sheets.find((x) => x.number === number);
    const sheet = ref.rolePlays.find((x) => x.number === number);
    expect(sheet).toBeDefined();
    if (!s || !sheet) return;
    expect(n(sheet.title)).toBe(s.title);
    expect(all([sheet.roles.candidate, sheet.roles.jury])).toEqual([s.candidate, s.jury]);
    expect(all(sheet.context)).toEqual(s.context);
    expect(sheet.note === undefined ? undefined : n(sheet.note)).toBe(s.note);
    expect(sheet.relaunchesIntro === undefined ? undefined : n(sheet.relaunchesIntro)).toBe(s.relaunchesIntro);
    const h = ref.rolePlayHeadings;
    expect([h?.roles, h?.candidate, h?.jury, h?.context, h?.relaunches, h?.criteria]).toEqual([
      s.rolesHeading, s.candidateLabel, s.juryLabel, s.contextHeading, s.relaunchesHeading, s.criteriaHeading,
    ]);
    expect(seedText).toContain(`${h?.sheet ?? ''} n°${number}`);
  });

  it.each([1, 2, 3])('role-play sheet %i: every relaunch, direction and conditional line, in order', (number) => {
    const s = seed.sheets.find((x) => x.number === number);
    const sheet = ref.rolePlays.find((x) => x.number === number);
    if (!s || !sheet) throw new Error(`fiche ${number} absente`);
    // The sheet's own lines as the guide prints them; opening and closing lines are left out.
    const fromGuide = sheet.lines.flatMap((l): SeedLine[] => {
      switch (l.type) {
        case 'relaunch':
          return [{ type: l.type, text: n(l.text) }];
        case 'direction':
          return [{ type: l.type, text: n(l.direction ?? '') }];
        case 'conditional': {
          const label = sheet.conditions.find((c) => c.id === l.condition)?.label ?? '';
          return [{ type: l.type, text: n(l.text), condition: n(label) }];
        }
        default:
          return [];
      }
    });
    expect(fromGuide).toEqual(s.lines);
    for (const line of sheet.lines) {
      // Relaunches and conditional lines are the sheet's words; everything else was written for the rehearsal.
      expect(line.fromSheet, line.id).toBe(line.type === 'relaunch' || line.type === 'conditional');
      expect(line.text.startsWith('«') || line.text.endsWith('»'), line.id).toBe(false);
    }
    expect(sheet.lines.at(-1)?.type).toBe('closing');
    expect(new Set(sheet.lines.map((l) => l.id)).size).toBe(sheet.lines.length);
  });

  it.each([1, 2, 3])('role-play sheet %i: the client\'s reactions are lines written for the rehearsal, never the sheet\'s', (number) => {
    const s = seed.sheets.find((x) => x.number === number);
    const sheet = ref.rolePlays.find((x) => x.number === number);
    if (!s || !sheet?.client) throw new Error(`fiche ${number} sans réactions du client`);
    const c = sheet.client;
    const added = [
      ...c.reactions.flatMap((r) => [r.insist, r.calmed, r.hangUp]),
      ...c.acknowledgements,
      ...c.escalation.lines,
      ...c.calming.lines,
      c.conclusion?.line,
    ].filter((line) => line !== undefined);
    expect(added.length).toBeGreaterThan(0);
    const guide = n(seedText);
    for (const line of added) {
      expect(line.fromSheet).toBe(false);
      expect(guide.includes(n(line.text)), line.text).toBe(false);
    }
    // Every relaunch and conditional line of the sheet has its reaction: the client listens on each.
    const reacted = new Set(c.reactions.map((r) => r.line));
    for (const line of sheet.lines.filter((l) => l.type === 'relaunch' || l.type === 'conditional' || l.type === 'direction')) {
      expect(reacted.has(line.id), line.id).toBe(true);
    }
  });

  it.each([1, 2, 3])('role-play sheet %i: every success criterion, in order, each with a hint', (number) => {
    const s = seed.sheets.find((x) => x.number === number);
    const sheet = ref.rolePlays.find((x) => x.number === number);
    if (!s || !sheet) throw new Error(`fiche ${number} absente`);
    expect(all(sheet.successCriteria.map((c) => c.text))).toEqual(s.criteria);
    for (const c of sheet.successCriteria) expect(c.hint.length).toBeGreaterThan(20);
  });

  it('keeps the guide\'s own typos', () => {
    const json = JSON.stringify(ref);
    for (const typo of ['le jury se concerta', 'que faites vous ?', 'pour vous indiquez', "qu'il a constaté après"]) {
      expect(json).toContain(typo);
    }
  });

  it('stores no markup and only straight apostrophes', () => {
    const raw = readFileSync(fromRoot('data', 'referentiels', 'cqp-agc.json'), 'utf8');
    expect(raw).not.toMatch(/<\/?[ui]>|\*\*|[\u2018\u2019\u00a0\u202f]/);
  });
});
