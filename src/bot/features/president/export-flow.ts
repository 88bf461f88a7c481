import { dayExportCard, dayExportLinksCard } from '../../../cards/president/index.js';
import { dayExport, exportedVersions, roleIn, type Session } from '../../../domain/index.js';
import { loadDay, type DayRecords } from '../../../export/index.js';
import { formatDay, formatTime, today } from '../../format.js';
import type { Turn } from '../../turn.js';
import { appendAudit, operationContext } from '../evaluation/scope.js';
import { stateText } from './dashboard-flow.js';

/**
 * The jury day's results for the deliberation (`exporter la journée`, or the dashboard's
 * button): for the president of that day, or the lone professional for their own day. Anyone
 * else — a juror, a candidate, the president of another day — is refused and nothing is written.
 */

/** The day, when the person writing presides over it in this tenant; otherwise refused here. */
async function presidedDay(turn: Turn, sessionId: string): Promise<DayRecords | undefined> {
  const day = await loadDay(turn.services.repositories, sessionId);
  if (!day || day.session.tenantId !== turn.tenantId || roleIn(day.session, turn.userId) !== 'president') {
    turn.log('info', 'export refused', { session: sessionId, outcome: day ? 'not_president' : 'not_found' });
    await turn.say(turn.t('export.presidentOnly'));
    return undefined;
  }
  return day;
}

function roleLine(turn: Turn, session: Session): string {
  return turn.t(session.mode === 'jury' ? 'president.role.president' : 'president.role.professional');
}

/**
 * `exporter la journée`: today's day, else the latest past one this person presides over (a day
 * prepared ahead is not the one to deliberate on); only future days left, the nearest. Other
 * days from the dashboard.
 */
export async function exportLatestDay(turn: Turn): Promise<void> {
  const sessions = (await turn.services.repositories.sessions.listForMember(turn.userId)).filter(
    (s) => s.tenantId === turn.tenantId && roleIn(s, turn.userId) === 'president',
  );
  const now = today(turn.now(), turn.services.timezone);
  const newestFirst = sessions.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  const latest = newestFirst.find((s) => s.date <= now) ?? newestFirst.at(-1);
  if (!latest) {
    turn.log('info', 'export refused', { outcome: 'no_presided_day' });
    await turn.say(turn.t('export.presidentOnly'));
    return;
  }
  await showDayExport(turn, latest.id);
}

/** The card: every candidate of the day with their state, the signed marked as exported. */
export async function showDayExport(turn: Turn, sessionId: string): Promise<void> {
  const day = await presidedDay(turn, sessionId);
  if (!day) return;
  const signed = new Set(exportedVersions(day.evaluations, day.syntheses).map((e) => e.evaluation.id));
  const date = formatDay(day.session.date);
  await turn.sendCard(
    dayExportCard({
      locale: turn.locale,
      sessionId,
      date,
      role: roleLine(turn, day.session),
      candidates: day.evaluations.map((evaluation) => ({
        candidate: `${evaluation.header.candidateLastName} ${evaluation.header.candidateFirstName}`,
        company: evaluation.header.company,
        state: stateText(turn.t, evaluation),
        included: signed.has(evaluation.id),
      })),
    }),
    turn.t('export.summary', { date }),
  );
}

/** *Préparer le téléchargement*: the export is written to the day's trail, then fresh links, valid 15 minutes. */
export async function sendDayExportLinks(turn: Turn, sessionId: string): Promise<void> {
  const day = await presidedDay(turn, sessionId);
  if (!day) return;
  const outcome = dayExport(day.session, day.evaluations, day.syntheses, operationContext(turn));
  turn.log('info', 'day export', { session: sessionId, outcome: outcome.type });
  if (outcome.type === 'forbidden') {
    await turn.say(turn.t('export.presidentOnly'));
    return;
  }
  if (outcome.type === 'nothing_signed') {
    await turn.say(turn.t('export.nothingSigned'));
    return;
  }
  await appendAudit(turn, outcome.audit);
  const links = turn.services.dayExportLinks({ sessionId, userId: turn.userId, now: turn.now(), lang: turn.locale });
  const date = formatDay(day.session.date);
  await turn.sendCard(
    dayExportLinksCard({
      locale: turn.locale,
      date,
      count: outcome.exported.length,
      validity: turn.t('export.validity', { time: formatTime(links.expiresAt, turn.services.timezone) }),
      zip: links.zip,
      xlsx: links.xlsx,
      csv: links.csv,
    }),
    turn.t('export.linksSummary', { date }),
  );
}
