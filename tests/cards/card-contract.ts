import { afterAll, describe, expect, it } from 'vitest';
import { submissionSchema } from '../../src/bot/verbs.js';
import { CARD_BUDGET_BYTES, cardSize, type CardJson } from '../../src/cards/render-template.js';
import { actions, dataOf, nodes, inputs, payload, strings, submits, typeOf } from './card-walk.js';

/**
 * What every card the bot sends must satisfy, whichever feature renders it (DESIGN.md,
 * "Interaction contract"): Adaptive Cards 1.5, nothing left unbound, labelled inputs with
 * their own ids, within the 40 KB budget, submits whose payloads the bot's verb schema
 * accepts, text that wraps and button rows Teams can show.
 */

export interface CardCase {
  /** Template name: sizes are reported per card type. */
  type: string;
  label: string;
  card: CardJson;
  /** Texts of the view that must appear in the card, each inside one string of it. */
  texts: readonly string[];
}

export interface ContractOptions {
  /** Heading of the size report printed after the suite. */
  heading: string;
  /** Action types a card type may carry besides submits (e.g. OpenUrl on the PDF link). */
  openUrlTypes?: readonly string[];
}

const MAX_BUTTONS_PER_ROW = 6;

export function describeCardContract(cases: readonly CardCase[], options: ContractOptions): void {
  const largest = new Map<string, { size: number; label: string }>();

  afterAll(() => {
    const width = Math.max(...[...largest.keys()].map((k) => k.length), 0) + 2;
    const lines = [...largest.entries()]
      .sort((a, b) => b[1].size - a[1].size)
      .map(([type, { size, label }]) => `${type.padEnd(width)} ${String(size).padStart(6)} B (${label})`);
    console.log(`${options.heading} (UTF-16 bytes, budget ${CARD_BUDGET_BYTES}):\n${lines.join('\n')}`);
  });

  describe.each(cases)('$label', ({ type, label, card, texts }) => {
    it('is an Adaptive Card 1.5 with the schema and no template expression left unresolved', () => {
      expect(JSON.stringify(card)).not.toContain('${');
      expect(card.type).toBe('AdaptiveCard');
      expect(card.version).toBe('1.5');
      expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    });

    it('labels every input and gives each its own id', () => {
      const found = inputs(card);
      for (const input of found) {
        expect(typeof input.id === 'string' && input.id.trim() !== '', `id of ${JSON.stringify(input).slice(0, 80)}`).toBe(true);
        expect(typeof input.label === 'string' && input.label.trim() !== '', `label of ${String(input.id)}`).toBe(true);
      }
      const ids = found.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('fits the card budget', () => {
      const size = cardSize(card);
      const previous = largest.get(type);
      if (!previous || previous.size < size) largest.set(type, { size, label });
      expect(size).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    });

    it('acts only through submits the bot understands (show cards holding submits)', () => {
      const allowed = options.openUrlTypes?.includes(type) ? ['Action.OpenUrl'] : ['Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility'];
      const ids = new Set(nodes(card).flatMap((n) => (typeof n.id === 'string' ? [n.id] : [])));
      for (const action of actions(card)) {
        expect(allowed).toContain(typeOf(action));
        // A toggle shows or hides parts of this card: its targets must exist.
        if (typeOf(action) === 'Action.ToggleVisibility') for (const target of action.targetElements as string[]) expect(ids).toContain(target);
        if (typeOf(action) === 'Action.ShowCard') {
          const inner = action.card as CardJson;
          expect(submits(inner).length).toBeGreaterThan(0);
          expect(actions(inner).every((a) => typeOf(a) === 'Action.Submit')).toBe(true);
        }
      }
      for (const action of submits(card)) {
        expect(typeof dataOf(action).verb).toBe('string');
        const parsed = submissionSchema.safeParse(payload(card, action));
        expect(parsed.success, `${String(action.title)}: ${parsed.error?.message ?? ''}`).toBe(true);
      }
    });

    it(`keeps text wrapping on and at most ${MAX_BUTTONS_PER_ROW} buttons per button row (Teams)`, () => {
      for (const node of nodes(card)) {
        if (typeOf(node) === 'TextBlock') expect(node.wrap, String(node.text).slice(0, 60)).toBe(true);
      }
      expect(((card.actions as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(MAX_BUTTONS_PER_ROW);
      for (const set of nodes(card).filter((n) => typeOf(n) === 'ActionSet')) {
        expect((set.actions as unknown[]).length).toBeGreaterThan(0);
        expect((set.actions as unknown[]).length).toBeLessThanOrEqual(MAX_BUTTONS_PER_ROW);
      }
    });

    it('leaves no null and no empty text', () => {
      expect(JSON.stringify(card)).not.toContain('null');
      for (const node of nodes(card)) if (typeOf(node) === 'TextBlock') expect(String(node.text).trim()).not.toBe('');
    });

    it('shows the texts of the view', () => {
      const all = strings(card);
      for (const text of texts.filter((t) => t !== '')) expect(all.some((s) => s.includes(text)), text.slice(0, 80)).toBe(true);
    });
  });
}
