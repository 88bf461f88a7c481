import { auditCard } from '../../../cards/president/index.js';
import { AUDIT_ACTIONS, canReadAuditEntry, juryOf, type AuditAction } from '../../../domain/index.js';
import type { Translate } from '../../../i18n/translate.js';
import { formatDate, formatTime } from '../../format.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { presidentScope } from './consolidation-flow.js';

/** Cards show at most this many audit entries (the latest), to stay within the card budget. */
const AUDIT_ENTRIES_SHOWN = 60;
/** Each of before and after is cut to this many characters, to keep entries compact. */
const DETAIL_CHARS = 160;

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The action's label in the user's language; the raw id only for an action this version does not know. */
function actionLabel(t: Translate, action: string): string {
  return isAuditAction(action) ? t(`president.audit.action.${action}`) : action;
}

const detail = (value: unknown) => (value === undefined ? '' : JSON.stringify(value).slice(0, DETAIL_CHARS));

/**
 * The evaluation's trail (who, when, what, before → after), for the president. Every entry is
 * listed; the before/after of another member's grid stays hidden until the collection closes.
 */
export async function showAudit(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const trail = await turn.services.repositories.audit.listTrail(evaluationId);
  const people = juryOf(scope.session);
  const tz = turn.services.timezone;
  const shown = trail.slice(-AUDIT_ENTRIES_SHOWN);
  await turn.sendCard(
    auditCard({
      locale: turn.locale,
      evaluationId,
      candidate: candidateName(scope),
      entries: shown.map((entry) => {
        const readable = canReadAuditEntry(scope.session, scope.evaluation, entry, turn.userId).type === 'allow';
        const values = readable ? [detail(entry.before), detail(entry.after)].filter(Boolean).join(' → ') : turn.t('president.audit.hidden');
        return {
          at: `${formatDate(entry.at, tz)} ${formatTime(entry.at, tz)}`,
          who: people.find((p) => p.id === entry.by)?.name ?? entry.by,
          action: actionLabel(turn.t, entry.action),
          details: [values, entry.reason ? `(${entry.reason})` : ''].filter(Boolean).join(' '),
        };
      }),
      ...(trail.length > shown.length ? { truncated: turn.t('president.audit.truncated', { count: trail.length - shown.length }) } : {}),
    }),
  );
}
