import { describe, expect, it } from 'vitest';
import { startInProcess } from '../helpers/in-process-server.js';
import { buildTestApp } from '../helpers/test-app.js';

describe('PUBLIC_BASE_URL', () => {
  it('unset, is localhost on the port actually listened on (PORT=0 picks one), so links reach this bot', async () => {
    const app = buildTestApp({ env: { PORT: '0', HOST: '127.0.0.1' } });
    const { url, stop } = await startInProcess(app);
    try {
      const port = new URL(url).port;
      expect(port).not.toBe('3978');
      expect(app.publicBaseUrl()).toBe(`http://localhost:${port}`);
      const link = app.services.pdfLink({ evaluationId: 'evaluation-1', userId: 'claire', now: new Date('2026-11-28T13:00:00Z') });
      expect(link.url.startsWith(`http://localhost:${port}/pdf/`)).toBe(true);
    } finally {
      await stop();
    }
  });

  it('set, is used as given whatever the port', async () => {
    const app = buildTestApp({ env: { PORT: '0', HOST: '127.0.0.1', PUBLIC_BASE_URL: 'https://jury.example.fr/bot' } });
    const { stop } = await startInProcess(app);
    try {
      expect(app.publicBaseUrl()).toBe('https://jury.example.fr/bot');
      expect(app.services.pdfLink({ evaluationId: 'e', userId: 'u', now: new Date() }).url).toMatch(/^https:\/\/jury\.example\.fr\/bot\/pdf\//);
    } finally {
      await stop();
    }
  });
});
