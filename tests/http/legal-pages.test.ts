import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { startInProcess, type InProcessServer } from '../helpers/in-process-server.js';
import { buildTestApp } from '../helpers/test-app.js';

const t = translator('fr');
/** The page's words, tags and entities removed, whitespace collapsed. */
const words = (html: string): string =>
  html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the privacy and terms pages (the Teams manifest links to them)', () => {
  let local: InProcessServer;
  let production: InProcessServer;

  beforeAll(async () => {
    local = await startInProcess(buildTestApp({ env: { PORT: '0', HOST: '127.0.0.1' } }));
    // With app credentials (production), the web chat is off but both pages are still served.
    production = await startInProcess(
      buildTestApp({
        env: {
          PORT: '0',
          HOST: '127.0.0.1',
          MicrosoftAppId: '8f3c0c1e-2b7d-4e5a-9c61-0d2f4b6a8e10',
          MicrosoftAppPassword: 'secret',
          MicrosoftAppTenantId: 'tenant',
          ISSUER_NAME: 'Organisme <certificateur> de la branche',
        },
      }),
    );
  });
  afterAll(async () => {
    await local?.stop();
    await production?.stop();
  });

  it('the privacy page says in French what is stored, who sees it, how long and how to erase it', async () => {
    const response = await fetch(`${local.url}/confidentialite`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = words(await response.text());
    for (const heading of ['Ce qui est enregistré', 'Qui les voit', 'Combien de temps', 'Comment effacer']) expect(text).toContain(heading);
    expect(text).toContain(`« ${t('command.rehearsalErase')} »`);
    expect(text).toContain('valable 15 minutes');
    expect(text).toContain('ne voit que sa propre grille');
    expect(text).toContain("l'organisme qui a mis ce bot à votre disposition");
  });

  it('the terms page links back to the privacy page', async () => {
    const response = await fetch(`${local.url}/conditions`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(words(html)).toContain("Conditions d'utilisation du bot Jury CQP");
    expect(html).toContain('href="/confidentialite"');
  });

  it('are served with app credentials too, naming ISSUER_NAME (escaped) as the operator', async () => {
    expect((await fetch(`${production.url}/`)).status).toBe(404);
    for (const path of ['/confidentialite', '/conditions']) {
      const html = await (await fetch(`${production.url}${path}`)).text();
      expect(html).toContain('Organisme &lt;certificateur&gt; de la branche');
      expect(html).not.toContain('<certificateur>');
    }
  });
});
