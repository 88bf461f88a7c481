import type restify from 'restify';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Referential } from '../referential/schema.js';
import type { Repositories } from '../storage/repositories.js';
import { roleIn } from '../domain/index.js';
import { hashId } from '../log.js';
import { verifyPdfToken } from './pdf-links.js';
import { synthesisPdfInput } from './synthesis-pdf-input.js';
import { renderSynthesisPdf } from './synthesis-pdf.js';

type Refusal = 'invalid' | 'expired' | 'not_found' | 'not_a_member' | 'not_signed';

/** What the browser shows instead of the PDF; short, French, no detail about the evaluation. */
const REFUSALS: Record<Refusal, { status: number; text: string }> = {
  invalid: { status: 404, text: 'Lien introuvable.' },
  expired: { status: 410, text: 'Ce lien a expiré. Redemandez le PDF depuis la carte de synthèse dans Teams.' },
  not_found: { status: 404, text: 'Document introuvable.' },
  not_a_member: { status: 403, text: 'Ce document est réservé aux membres du jury.' },
  not_signed: { status: 404, text: "Aucune synthèse signée n'est disponible pour cette évaluation." },
};

/** Headers on every answer: the URL carries a credential, so nothing is cached or passed on. */
export const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * GET /pdf/<token> — the printable synthesis behind a signed link. The token proves the bot
 * issued the link to that user less than 15 minutes ago; membership and signature are
 * checked again against storage, since either may have changed since.
 */
/** What the route needs from the app, and no more (the app imports this module: no cycle back to it). */
export interface PdfRouteDeps {
  config: Pick<Config, 'LOG_HASH_SALT' | 'TIMEZONE' | 'ISSUER_NAME'>;
  /** The bot's version, in the PDF's footer. */
  version: string;
  repositories: Pick<Repositories, 'evaluations' | 'sessions' | 'syntheses'>;
  referentials: ReadonlyMap<string, Referential>;
  logger: Logger;
  linkSecret: string;
}

export function registerPdfRoute(server: restify.Server, app: PdfRouteDeps): void {
  const { config, repositories, referentials, logger } = app;

  // A wildcard rather than `:token`: restify's router refuses a named parameter longer than
  // 100 characters, and a token naming two ids (Teams ids are long) is over 150.
  server.get('/pdf/*', async (req: restify.Request, res: restify.Response) => {
    const refuse = (reason: Refusal, fields: Record<string, string> = {}): void => {
      const { status, text } = REFUSALS[reason];
      logger.info('pdf.refused', { reason, ...fields });
      res.writeHead(status, { ...PRIVATE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text);
    };

    const wildcard: unknown = req.params?.['*'];
    const token = typeof wildcard === 'string' ? wildcard : '';
    const check = verifyPdfToken(token, { now: new Date(), secret: app.linkSecret });
    if (check.type !== 'ok') return refuse(check.type);
    const ids = { evaluationId: check.evaluationId, user: hashId(check.userId, config.LOG_HASH_SALT) };

    const evaluation = await repositories.evaluations.get(check.evaluationId);
    const session = evaluation && (await repositories.sessions.get(evaluation.sessionId));
    if (!evaluation || !session) return refuse('not_found', ids);
    if (roleIn(session, check.userId) === 'none') return refuse('not_a_member', ids);
    // Reopening a signed synthesis archives its version: until it is signed again there is none to print.
    const synthesis = await repositories.syntheses.get(evaluation.id);
    if (!synthesis?.signed) return refuse('not_signed', ids);
    const referential = referentials.get(evaluation.referentialId);
    if (!referential) throw new Error(`pdf: referential ${evaluation.referentialId} is not loaded`);

    const started = Date.now();
    const pdf = await renderSynthesisPdf(synthesisPdfInput(referential, evaluation, synthesis.signed, { timeZone: config.TIMEZONE, botVersion: app.version, issuer: config.ISSUER_NAME }));
    logger.info('pdf.served', { ...ids, bytes: pdf.length, ms: Date.now() - started });
    res.writeHead(200, {
      ...PRIVATE_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `inline; filename="${pdfFileName(evaluation.header.candidateLastName, evaluation.header.date)}"`,
    });
    res.end(pdf);
  });
}

/** "synthese-durand-2026-11-28.pdf": ASCII only, so every browser and mail client keeps it. */
export function pdfFileName(lastName: string, date: string): string {
  const ascii = lastName
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const safeDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : 'date';
  return `synthese-${ascii || 'candidat'}-${safeDate}.pdf`;
}
