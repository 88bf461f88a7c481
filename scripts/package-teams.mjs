// npm run package:teams — builds the Teams app package (manifest + icons +
// English localization) with the bot's app id and public address filled in.
// Reads MicrosoftAppId and PUBLIC_BASE_URL from the environment or .env;
// writes appPackage/build/jury-cqp.zip (TEAMS_PACKAGE_OUT overrides the folder).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = fileURLToPath(new URL('..', import.meta.url));
const appPackage = join(root, 'appPackage');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const FILES = ['color.png', 'outline.png', 'en.json'];

function fail(message) {
  process.stderr.write(`package:teams: ${message}\n`);
  process.exit(1);
}

// Variables already in the environment win over .env (process.loadEnvFile never overwrites).
const envFile = join(root, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const appId = (process.env.MicrosoftAppId ?? '').trim();
if (appId === '') {
  fail(
    'MicrosoftAppId is not set. Put the Application (client) ID of the bot\'s Entra app registration in .env ' +
      '(MicrosoftAppId=…) or in the environment, then run npm run package:teams again. See README, "Teams app package".',
  );
}
if (!GUID.test(appId)) fail(`MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "${appId}").`);

const baseUrl = (process.env.PUBLIC_BASE_URL ?? '').trim().replace(/\/+$/, '');
let host;
try {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') throw new Error('not https');
  host = url.host;
} catch {
  fail(
    `PUBLIC_BASE_URL must be the bot's public https address, e.g. https://jury-cqp.azurewebsites.net (got "${baseUrl || 'nothing'}"). ` +
      'Teams needs https links in the manifest, and the messaging endpoint is https anyway.',
  );
}

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const values = { MICROSOFT_APP_ID: appId, PUBLIC_BASE_URL: baseUrl, PUBLIC_HOST: host, PACKAGE_VERSION: version };
const template = readFileSync(join(appPackage, 'manifest.json'), 'utf8');
const filled = template.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
  if (!(name in values)) fail(`manifest.json has an unknown placeholder ${whole}.`);
  // JSON.stringify escapes what must be escaped inside a JSON string; the quotes are the template's.
  return JSON.stringify(values[name]).slice(1, -1);
});
const manifest = JSON.stringify(JSON.parse(filled), null, 2);

const zip = new JSZip();
zip.file('manifest.json', manifest);
for (const name of FILES) zip.file(name, readFileSync(join(appPackage, name)));
const outDir = resolve(root, process.env.TEAMS_PACKAGE_OUT || join('appPackage', 'build'));
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, 'jury-cqp.zip');
writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
process.stdout.write(`${outFile} written (bot ${appId}, ${baseUrl}); upload it in Teams: Apps › Manage your apps › Upload an app.\n`);
