import { createPdfToken, PDF_LINK_TTL_MS, pdfTokenExpiry } from './pdf-links.js';

export { createPdfToken, verifyPdfToken, pdfTokenExpiry, PDF_LINK_TTL_MS, type PdfTokenCheck, type CreatePdfTokenInput } from './pdf-links.js';
export { registerPdfRoute, pdfFileName } from './pdf-route.js';
export { renderSynthesisPdf, type SynthesisPdfInput } from './synthesis-pdf.js';
export { synthesisPdfInput, formatAgreement, type ReplacedVersion } from './synthesis-pdf-input.js';

/** What building a link needs: the public address and the link secret (`app.linkSecret`). */
export interface PdfLinkSettings {
  PUBLIC_BASE_URL: string;
  secret: string;
}

/**
 * A fresh link to the printable synthesis for this user, valid 15 minutes: `url` under
 * PUBLIC_BASE_URL (a path prefix in it is kept), `expiresAt` for "Lien valable jusqu'à …".
 * Check membership before calling: the link is the user's proof of it for 15 minutes.
 */
export function pdfUrl(
  settings: PdfLinkSettings,
  { evaluationId, userId, now, ttlMs = PDF_LINK_TTL_MS }: { evaluationId: string; userId: string; now: Date; ttlMs?: number },
): { url: string; expiresAt: Date } {
  const token = createPdfToken({ evaluationId, userId, now, secret: settings.secret, ttlMs });
  const base = settings.PUBLIC_BASE_URL.endsWith('/') ? settings.PUBLIC_BASE_URL : `${settings.PUBLIC_BASE_URL}/`;
  return { url: new URL(`pdf/${token}`, base).toString(), expiresAt: pdfTokenExpiry(now, ttlMs) };
}
