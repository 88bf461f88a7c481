import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/storage/file-storage.js';
import { storageKeys } from '../../src/storage/storage-keys.js';
import { cardWithVerb, clickPayload } from '../helpers/cards.js';
import { JuryHarness } from '../helpers/jury.js';
import { endedJury, scoreAndSubmit } from '../helpers/jury-scenarios.js';
import { visibleText } from '../helpers/test-app.js';

// Node 20 cannot run .ts: the child is the compiled fixture (tests/global-setup.ts builds it).
const child = fileURLToPath(new URL('../../dist/tests/fixtures/sign-then-die.js', import.meta.url));

/** Runs the child that signs and dies with SIGKILL right after the synthesis write. */
function signThenDie(dir: string, payload: Record<string, unknown>, instant: string): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, dir, JSON.stringify(payload), instant], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process_.on('error', reject);
    process_.on('close', (_code, signal) => resolve({ signal, output }));
  });
}

describe('a process killed (kill -9) between the signed synthesis and the evaluation state', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sign-crash-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the president a signed evaluation after the restart, tells each member once, and cannot be signed twice', { timeout: 60_000 }, async () => {
    const files = new FileStorage({ dir });
    const jury = await endedJury(new JuryHarness({ storage: files }));
    await scoreAndSubmit(jury, 'marc', [80, 70, 75, 60, 50, 55, 60]);
    await scoreAndSubmit(jury, 'ines', [40, 50, 45, 50, 70, 45, 50]);
    await scoreAndSubmit(jury, 'claire', [60, 60, 61, 55, 56, 57, 57]);
    const preview = await jury.click('claire', jury.delivered('claire'), 'synthesis.preview');
    const sign = clickPayload(cardWithVerb(preview, 'synthesis.sign'), (a) => a.data.verb === 'synthesis.sign');
    await files.close();

    const run = await signThenDie(dir, sign, jury.clock.now().toISOString());
    expect(run.output).toContain('synthesis written');
    expect(run.output).not.toContain('survived');
    expect(run.signal).toBe('SIGKILL');

    // On disk, as the kill left it: the synthesis signed, the evaluation not.
    const raw = new FileStorage({ dir });
    const keys = [storageKeys.synthesis(jury.evaluationId), storageKeys.evaluation(jury.evaluationId)];
    const stored = await raw.read(keys);
    expect((stored[keys[0]!] as { signed?: unknown }).signed).toBeDefined();
    expect((stored[keys[1]!] as { state: string }).state).toBe('consolidated');
    await raw.close();

    // The restart: a new process on the same folder.
    const after = new JuryHarness({ storage: new FileStorage({ dir }), clock: jury.clock });
    after.evaluationId = jury.evaluationId;
    const opened = visibleText(await after.chat('claire').submit({ verb: 'synthesis.open', evaluationId: jury.evaluationId }));
    expect(opened).toContain('Signé par Claire Martin le 28/11/2026');
    expect(opened).not.toContain('Signer et envoyer');
    const dashboard = visibleText(await after.say('claire', 'tableau de bord'));
    expect(dashboard).toContain('Signée');

    // The preview's button again is the very submission already applied (a double click): nothing more.
    // A signature at the synthesis's current revision is refused: it is already signed.
    const synthesisBefore = await after.app.repositories.syntheses.get(jury.evaluationId);
    expect(visibleText(await after.chat('claire').submit(sign))).not.toMatch(/erreur|inattendu/i);
    expect(visibleText(await after.chat('claire').submit({ ...sign, rev: synthesisBefore?.rev }))).toContain('Cette synthèse est déjà signée.');
    const synthesisAfter = await after.app.repositories.syntheses.get(jury.evaluationId);
    expect(synthesisAfter).toEqual(synthesisBefore);
    expect(synthesisAfter?.replaced).toEqual([]);

    // Members told once, though the killed run never told them and the president opened it twice.
    for (const who of ['marc', 'ines'] as const) {
      const told = visibleText(after.delivered(who));
      expect(told.split('Grille de synthèse signée pour Léa Dupont').length - 1, who).toBe(1);
    }
    const trail = await after.app.repositories.audit.listTrail(jury.evaluationId);
    expect(trail.filter((e) => e.action === 'synthesis.sign')).toHaveLength(1);
    expect(trail.filter((e) => e.action === 'evaluation.sign')).toHaveLength(1);
  });
});
