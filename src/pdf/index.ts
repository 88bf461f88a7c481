import { createPdfToken, PDF_LINK_TTL_MS, pdfTokenExpiry } from './pdf-links.js';

export {
  createLinkToken,
  createPdfToken,
  verifyLinkToken,
  verifyPdfToken,
  pdfTokenExpiry,
  LINK_PURPOSES,
  PDF_LINK_TTL_MS,
  type LinkPurpose,
  type LinkTokenCheck,
  type PdfTokenCheck,
  type CreateLinkTokenInput,
  type CreatePdfTokenInput,
} from './pdf-links.js';
export { registerPdfRoute, pdfFileName, type PdfRouteDeps } from './pdf-route.js';
export { renderSynthesisPdf, type SynthesisPdfInput } from './synthesis-pdf.js';
export { synthesisPdfInput, formatAgreement, type PdfIssue, type ReplacedVersion } from './synthesis-pdf-input.js';

/** What building a link needs: the public address and the link secret (`app.linkSecret`). */
export interface PdfLinkSettings {
  PUBLIC_BASE_URL: string;
  secret: string;
}

/** `path` under PUBLIC_BASE_URL, a path prefix in it kept. */
export function publicUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path, base).toString();
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
  return { url: publicUrl(settings.PUBLIC_BASE_URL, `pdf/${token}`), expiresAt: pdfTokenExpiry(now, ttlMs) };
}

