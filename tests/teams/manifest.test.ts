import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForMatch } from '../../src/referential/verbatim.js';
import { startInProcess } from '../helpers/in-process-server.js';
import { buildTestApp } from '../helpers/test-app.js';
import { root } from '../helpers/servers.js';

/** The one manifest schema version we pin (the newest @microsoft/app-manifest ships); its JSON schemas ship in that package. */
const VERSION = '1.30';
const schemaDir = join(root, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${VERSION}`);
const APP_ID = '8f3c0c1e-2b7d-4e5a-9c61-0d2f4b6a8e10';
const BASE_URL = 'https://jury-cqp.example.org';

type Manifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  validDomains: string[];
  icons: { color: string; outline: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
};

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
type Validate = (manifest: unknown, schema: unknown) => Promise<string[]>;
const validate = AppManifestUtils.validateAgainstSchema.bind(AppManifestUtils) as unknown as Validate;

type Ajv = new (options: Record<string, unknown>) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
/**
 * The localization schemas hold patterns such as `[\b…]` that ajv rejects in its
 * default unicode mode (the package's helper throws on every version), so the
 * language file is checked with the draft-04 ajv that @microsoft/app-manifest
 * itself depends on, with non-unicode patterns.
 */
async function validateLocalization(file: unknown, schema: unknown): Promise<string[]> {
  const fromAppManifest = createRequire(join(root, 'node_modules', '@microsoft', 'app-manifest', 'build', 'index.js'));
  const AjvDraft04 = fromAppManifest('ajv-draft-04') as Ajv | { default: Ajv };
  const Constructor = 'default' in AjvDraft04 ? AjvDraft04.default : AjvDraft04;
  const check = new Constructor({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  return check(file) ? [] : (check.errors ?? []).map((error) => JSON.stringify(error));
}

/** Width, height, colour type and RGBA pixels of an 8-bit PNG (filters 0–4). */
function decodePng(png: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const bitDepth = png[24];
  const colorType = png[25] ?? -1;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect(bitDepth).toBe(8);
  expect(colorType).toBe(6);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth()][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (byte + predictor) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

/** Runs `npm run package:teams`'s script with the given environment. */
function packageTeams(env: Record<string, string>) {
  return spawnSync(process.execPath, ['scripts/package-teams.mjs'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
}

describe('the Teams app package', () => {
  let out: string;
  let zip: JSZip;
  let manifest: Manifest;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'jury-teams-'));
    execFileSync(process.execPath, ['scripts/package-teams.mjs'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: BASE_URL, TEAMS_PACKAGE_OUT: out },
    });
    zip = await JSZip.loadAsync(readFileSync(join(out, 'jury-cqp.zip')));
    manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('zips the manifest, both icons and the English localization, at the root', () => {
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it(`pins manifest schema v${VERSION} and validates against it offline`, async () => {
    expect(manifest.manifestVersion).toBe(VERSION);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${VERSION}/MicrosoftTeams.schema.json`);
    expect(await validate(manifest, readJson(join(schemaDir, 'MicrosoftTeams.schema.json')))).toEqual([]);
    const english = JSON.parse(await zip.file('en.json')!.async('string')) as Record<string, string>;
    const localization = readJson(join(schemaDir, 'MicrosoftTeams.Localization.schema.json'));
    expect(await validateLocalization(english, localization)).toEqual([]);
    expect(await validateLocalization({ ...english, 'name.short': 'x'.repeat(31) }, localization)).not.toEqual([]);
  });

  it('the validation catches a broken manifest (so a pass means something)', async () => {
    const broken = { ...manifest, id: 'not-a-guid', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    expect((await validate(broken, readJson(join(schemaDir, 'MicrosoftTeams.schema.json')))).length).toBeGreaterThan(0);
  });

  it('fills the bot id and the public address; no placeholder is left', async () => {
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('{{');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['jury-cqp.example.org']);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'groupChat']);
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'fr-fr', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
    expect(manifest.developer).toEqual({
      name: 'Jury CQP',
      websiteUrl: BASE_URL,
      privacyUrl: `${BASE_URL}/confidentialite`,
      termsOfUseUrl: `${BASE_URL}/conditions`,
    });
  });

  it('the privacy and terms pages it points at are served, in French, by the bot', async () => {
    const { url, stop } = await startInProcess(buildTestApp({ env: { PORT: '0', HOST: '127.0.0.1' } }));
    try {
      for (const link of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
        const response = await fetch(`${url}${new URL(link).pathname}`);
        expect(response.status, link).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = await response.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toMatch(/<h1>[^<]+<\/h1>/);
      }
    } finally {
      await stop();
    }
  });

  it('lists at most 10 commands per scope (DESIGN.md; the schema allows no more than its own limit), each a real top-level command of the bot, in French and in English', async () => {
    type Schema = { properties: { bots: { items: { properties: { commandLists: { items: { properties: { commands: { maxItems: number } } } } } } } } };
    const schema = readJson(join(schemaDir, 'MicrosoftTeams.schema.json')) as Schema;
    const schemaLimit = schema.properties.bots.items.properties.commandLists.items.properties.commands.maxItems;
    expect(schemaLimit).toBeGreaterThanOrEqual(10);
    const app = buildTestApp();
    const commands = app.bot.commands();
    const names = (title: string) => {
      const folded = foldForMatch(title);
      return commands.find((spec) => spec.names.includes(folded) || (spec.takesArgument && spec.names.some((name) => folded.startsWith(`${name} `))));
    };
    const english = JSON.parse(await zip.file('en.json')!.async('string')) as Record<string, string>;
    for (const [list, commandList] of manifest.bots[0]!.commandLists.entries()) {
      expect(commandList.commands.length).toBeLessThanOrEqual(10);
      for (const [index, command] of commandList.commands.entries()) {
        const spec = names(command.title);
        expect(spec, `"${command.title}" is not a command of the bot`).toBeDefined();
        expect(spec?.listed).toBe(true);
        const translated = english[`bots[0].commandLists[${list}].commands[${index}].title`] ?? '';
        expect(names(translated)?.id, `English "${translated}" for "${command.title}"`).toBe(spec?.id);
      }
    }
    // Every command the help lists is offered in the personal chat's menu.
    const personal = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes('personal'))!;
    const offered = new Set(personal.commands.map((c) => names(c.title)?.id));
    expect(commands.filter((spec) => spec.listed).map((spec) => spec.id).filter((id) => !offered.has(id))).toEqual([]);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon, white on transparent', async () => {
    const color = decodePng(await zip.file('color.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(await zip.file('outline.png')!.async('nodebuffer'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else {
        expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
        white += 1;
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(white).toBeGreaterThan(32 * 2);
    // Corners are background: transparent in the outline.
    expect(outline.pixels[3]).toBe(0);
  });

  it('the committed icons are what scripts/make-icons.mjs draws', async () => {
    const { colorIcon, outlineIcon } = await import('../../scripts/make-icons.mjs');
    expect(readFileSync(join(root, 'appPackage', 'color.png')).equals(colorIcon())).toBe(true);
    expect(readFileSync(join(root, 'appPackage', 'outline.png')).equals(outlineIcon())).toBe(true);
  });

  it('refuses clearly without MicrosoftAppId, or with an address Teams will not take', () => {
    const none = packageTeams({ MicrosoftAppId: '', PUBLIC_BASE_URL: BASE_URL, TEAMS_PACKAGE_OUT: out });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('MicrosoftAppId is not set');
    const notGuid = packageTeams({ MicrosoftAppId: 'my-bot', PUBLIC_BASE_URL: BASE_URL, TEAMS_PACKAGE_OUT: out });
    expect(notGuid.stderr).toContain('must be a GUID');
    const http = packageTeams({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'http://localhost:3978', TEAMS_PACKAGE_OUT: out });
    expect(http.status).toBe(1);
    expect(http.stderr).toContain('PUBLIC_BASE_URL');
  });
});
