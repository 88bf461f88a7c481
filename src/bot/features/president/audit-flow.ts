import { auditCard } from '../../../cards/president/index.js';
import { juryOf } from '../../../domain/index.js';
import { formatDate, formatTime } from '../../format.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/build-views.js';
import { presidentScope } from './consolidation-flow.js';

/** Cards show at most this many audit entries (the latest), to stay within the card budget. */
const AUDIT_ENTRIES_SHOWN = 60;

/** The evaluation's trail (who, when, what, before → after), for the president. */
export async function showAudit(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const trail = await turn.services.repositories.audit.listTrail(evaluationId);
  const people = juryOf(scope.session);
  const tz = turn.services.timezone;
  const shown = trail.slice(-AUDIT_ENTRIES_SHOWN);
  const detail = (value: unknown) => (value === undefined ? '' : JSON.stringify(value).slice(0, 160));
  await turn.sendCard(
    auditCard({
      locale: turn.locale,
      evaluationId,
      candidate: candidateName(scope),
      entries: shown.map((entry) => ({
        at: `${formatDate(entry.at, tz)} ${formatTime(entry.at, tz)}`,
        who: people.find((p) => p.id === entry.by)?.name ?? entry.by,
        action: entry.action,
        details: [detail(entry.before), detail(entry.after)].filter(Boolean).join(' → ') + (entry.reason ? ` (${entry.reason})` : ''),
      })),
      ...(trail.length > shown.length ? { truncated: turn.t('president.audit.truncated', { count: trail.length - shown.length }) } : {}),
    }),
  );
}
