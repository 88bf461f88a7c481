import { readFileSync } from 'node:fs';
import * as ACData from 'adaptivecards-templating';
import { describe, expect, it } from 'vitest';
import { rowCard } from '../../src/cards/evaluation/index.js';
import { prepareCardTemplates, renderTemplate } from '../../src/cards/render-template.js';
import { fromRoot } from '../../src/paths.js';
import { rowPlaces, rowView } from './fixture.js';

/** What the same template gives when parsed afresh, as every turn did before templates were prepared once. */
function freshlyExpanded(name: string, data: object): unknown {
  const json = JSON.parse(readFileSync(fromRoot('cards', `${name}.json`), 'utf8')) as unknown;
  return new ACData.Template(json).expand({ $root: data });
}

describe('card templates prepared once', () => {
  it('prepares every template of cards/ at once', () => {
    expect(prepareCardTemplates()).toBeGreaterThanOrEqual(30);
  });

  it('binds each turn its own data, with the same output as a template parsed afresh', () => {
    // Row cards of different rows, phases and languages, one after another through the one prepared template.
    const views = rowPlaces.flatMap((place) => [rowView(place, 'notes'), rowView(place, 'scoring'), rowView(place, 'scoring', { notEvaluated: true, locale: 'en' })]);
    const first = views.map((view) => JSON.stringify(rowCard(view)));
    const again = [...views].reverse().map((view) => JSON.stringify(rowCard(view))).reverse();
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(views.length);
    const help = { title: 'Aide', intro: 'Intro', commands: [{ name: 'aide', description: 'La liste' }] };
    const other = { title: 'Help', intro: 'Other', commands: [{ name: 'help', description: 'The list' }, { name: 'resume', description: 'Back' }] };
    expect(renderTemplate('help', help)).toEqual(freshlyExpanded('help', help));
    expect(renderTemplate('help', other)).toEqual(freshlyExpanded('help', other));
    expect(renderTemplate('help', help)).toEqual(freshlyExpanded('help', help));
  });
});
