import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { App } from '../../src/app.js';
import { createServer } from '../../src/server.js';
import { actionsOf, cardWithVerb, inputsOf } from './cards.js';
import type { JuryHarness, PersonKey } from './jury.js';
import { scoreAndSubmit, startAndEnd } from './jury-scenarios.js';
import { cardsOf } from './test-app.js';

/** Every Action.OpenUrl of the replies' cards, by title. */
export function openUrls(replies: Partial<Activity>[]): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.type === 'Action.OpenUrl') found.push({ title: String(item.title), url: String(item.url) });
      Object.values(item).forEach(walk);
    }
  };
  walk(cardsOf(replies));
  return found;
}

/**
 * The current candidate of the harness through to signature: interview, every juror's grid
 * (the same scores for all), then the president agrees on `agreed` (domain id → %) and signs.
 */
export async function signCurrent(jury: JuryHarness, agreed: Record<string, string>, jurors: readonly PersonKey[] = ['marc', 'ines', 'claire'], president: PersonKey = 'claire'): Promise<void> {
  if (jurors.length > 1) await startAndEnd(jury);
  else {
    await jury.chat(president).submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
    jury.clock.advance(40);
    await jury.chat(president).submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
  }
  for (const who of jurors) await scoreAndSubmit(jury, who, Array(7).fill(60));
  const consolidation = cardWithVerb(jury.delivered(president), 'synthesis.preview');
  const typed = Object.fromEntries(Object.entries(agreed).map(([domain, value]) => [`agreed_${domain}`, value]));
  const preview = await jury.chat(president).submit({
    ...inputsOf(consolidation),
    ...typed,
    comment: 'Échanges « clairs » ; à consolider.',
    ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data,
  });
  await jury.click(president, preview, 'synthesis.sign');
  for (const who of new Set([...jurors, president])) jury.delivered(who);
}

/** The real HTTP server of the app on 127.0.0.1 and a free port; `get` follows a link the bot gave. */
export async function serve(app: App): Promise<{ get: (link: string) => Promise<Response>; close: () => Promise<void> }> {
  const running = createServer(app);
  await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = running.server.address() as AddressInfo;
  return {
    get: (link) => fetch(`http://127.0.0.1:${port}${new URL(link).pathname}`),
    close: () => running.close(100),
  };
}
