import type restify from 'restify';
import type { Clock } from '../bot/clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Referential } from '../referential/schema.js';
import type { Repositories } from '../storage/repositories.js';
import { exportedVersions, roleIn } from '../domain/index.js';
import type { MessageKey } from '../i18n/fr.js';
import { translator, type Locale } from '../i18n/translate.js';
import { hashId } from '../log.js';
import { renderSynthesisPdf, synthesisPdfInput, verifyLinkToken } from '../pdf/index.js';
import { PRIVATE_HEADERS } from '../pdf/pdf-route.js';
import { dayCsv } from './day-csv.js';
import { dayResultTable } from './day-results.js';
import { dayXlsx } from './day-xlsx.js';
import { dayZip } from './day-zip.js';
import { pdfEntryNames } from './export-file-names.js';
import { loadDay } from './load-day.js';

export const EXPORT_FORMATS = ['zip', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

type Refusal = 'invalid' | 'expired' | 'not_found' | 'not_president' | 'nothing_signed';

const REFUSALS: Record<Refusal, { status: number; key: MessageKey }> = {
  invalid: { status: 404, key: 'export.http.invalid' },
  expired: { status: 410, key: 'export.http.expired' },
  not_found: { status: 404, key: 'export.http.notFound' },
  not_president: { status: 403, key: 'export.http.notPresident' },
  nothing_signed: { status: 404, key: 'export.http.nothingSigned' },
};

/** `<token>/<lang>/<format>`; anything else is not a link the bot made. */
function parsePath(path: string): { token: string; locale: Locale; format: ExportFormat } | undefined {
  const [token, lang, format, ...rest] = path.split('/');
  if (!token || rest.length > 0 || (lang !== 'fr' && lang !== 'en')) return undefined;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format ?? '')) return undefined;
  return { token, locale: lang, format: format as ExportFormat };
}

/**
 * GET /export/<token>/<lang>/<format> — the jury day's signed results behind a link the bot
 * gave its president (15 minutes, HMAC, like the PDF's). The role is checked again against
 * storage; only signed evaluations are in the files. `lang` sets the spreadsheet's headers.
 */
/** What the route needs from the app, and no more (the app imports this module: no cycle back to it). */
export interface ExportRouteDeps {
  config: Pick<Config, 'LOG_HASH_SALT' | 'TIMEZONE' | 'ISSUER_NAME'>;
  /** The bot's version, in the PDF's footer. */
  version: string;
  repositories: Repositories;
  referentials: ReadonlyMap<string, Referential>;
  logger: Logger;
  linkSecret: string;
  services: { clock: Clock };
}

export function registerExportRoute(server: restify.Server, app: ExportRouteDeps): void {
  const { config, repositories, referentials, logger, services } = app;

  // A wildcard, as for the PDF: restify refuses a named parameter over 100 characters.
  server.get('/export/*', async (req: restify.Request, res: restify.Response) => {
    const wildcard: unknown = req.params?.['*'];
    const path = parsePath(typeof wildcard === 'string' ? wildcard : '');
    const t = translator(path?.locale ?? 'fr');
    const refuse = (reason: Refusal, fields: Record<string, string> = {}): void => {
      const { status, key } = REFUSALS[reason];
      logger.info('export.refused', { reason, ...fields });
      res.writeHead(status, { ...PRIVATE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(t(key));
    };
    if (!path) return refuse('invalid');

    const now = services.clock.now();
    const check = verifyLinkToken('dayExport', path.token, { now, secret: app.linkSecret });
    if (check.type !== 'ok') return refuse(check.type);
    const ids = { session: check.recordId, user: hashId(check.userId, config.LOG_HASH_SALT), format: path.format };

    const day = await loadDay(repositories, check.recordId);
    if (!day) return refuse('not_found', ids);
    if (roleIn(day.session, check.userId) !== 'president') return refuse('not_president', ids);
    const exported = exportedVersions(day.evaluations, day.syntheses);
    if (exported.length === 0) return refuse('nothing_signed', ids);
    const referential = referentials.get(day.session.referentialId);
    if (!referential) throw new Error(`export: referential ${day.session.referentialId} is not loaded`);

    const started = Date.now();
    const table = dayResultTable(referential, exported, t, config.TIMEZONE);
    const stem = `${day.session.date}_${t('export.file')}`;
    const xlsx = () => dayXlsx(table, t('export.sheet'), now);
    let body: Buffer;
    if (path.format === 'csv') body = dayCsv(table);
    else if (path.format === 'xlsx') body = await xlsx();
    else {
      const names = pdfEntryNames(exported.map(({ evaluation }) => ({ date: evaluation.header.date, lastName: evaluation.header.candidateLastName, firstName: evaluation.header.candidateFirstName })));
      const pdfs = [];
      for (const [index, { evaluation, signed }] of exported.entries()) {
        pdfs.push({ name: names[index] ?? `${evaluation.id}.pdf`, data: await renderSynthesisPdf(synthesisPdfInput(referential, evaluation, signed, { timeZone: config.TIMEZONE, botVersion: app.version, issuer: config.ISSUER_NAME })) });
      }
      body = await dayZip([{ name: `${stem}.xlsx`, data: await xlsx() }, { name: `${stem}.csv`, data: dayCsv(table) }, ...pdfs], now);
    }
    logger.info('export.served', { ...ids, evaluations: exported.length, bytes: body.length, ms: Date.now() - started });
    res.writeHead(200, {
      ...PRIVATE_HEADERS,
      'Content-Type': CONTENT_TYPES[path.format],
      'Content-Length': String(body.length),
      'Content-Disposition': `attachment; filename="${stem}.${path.format}"`,
    });
    res.end(body);
  });
}
