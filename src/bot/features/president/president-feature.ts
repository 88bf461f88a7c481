import type { Feature } from '../../feature.js';
import { showAudit } from './audit-flow.js';
import { openConsolidation, saveConsolidation } from './consolidation-flow.js';
import { showDashboard, showDay } from './dashboard-flow.js';
import { exportLatestDay, sendDayExportLinks, showDayExport } from './export-flow.js';
import { reasonForm } from './evaluation-forms.js';
import { cancel, close, correct, headerForm, remind } from './manage-flow.js';
import { reopenMemberGrid, reopenSynthesis } from './reopen-flow.js';
import { pdfLink, signFromPreview } from './signature-flow.js';
import type { PresidentSubmission } from './verbs.js';

/**
 * The president's (and lone professional's) side: dashboards, consolidation,
 * signature, corrections. Each action checks the role again: a card can be forged.
 */
export function presidentFeature(): Feature<PresidentSubmission> {
  return {
    name: 'president',
    commands: [
      {
        id: 'dashboard',
        names: ['tableau de bord', 'dashboard'],
        nameKey: 'command.dashboard',
        descriptionKey: 'command.dashboard.description',
        takesArgument: false,
        listed: true,
        run: (turn) => showDashboard(turn),
      },
      {
        id: 'export',
        names: ['exporter la journee', 'export the day'],
        nameKey: 'command.export',
        descriptionKey: 'command.export.description',
        takesArgument: false,
        listed: true,
        run: (turn) => exportLatestDay(turn),
      },
    ],
    async onSubmission(turn, submission) {
      switch (submission.verb) {
        case 'dashboard.open':
          return showDashboard(turn);
        case 'dashboard.day':
          return showDay(turn, submission.sessionId);
        case 'export.open':
          return showDayExport(turn, submission.sessionId);
        case 'export.links':
          return sendDayExportLinks(turn, submission.sessionId);
        case 'synthesis.open':
          return openConsolidation(turn, submission.evaluationId);
        case 'synthesis.save':
        case 'synthesis.preview':
          return saveConsolidation(turn, submission);
        case 'synthesis.sign':
          return signFromPreview(turn, submission);
        case 'synthesis.pdf':
          return pdfLink(turn, submission.evaluationId);
        case 'synthesis.reopenForm':
          return reasonForm(turn, submission.evaluationId, 'reopenSynthesis');
        case 'synthesis.reopen':
          return reopenSynthesis(turn, submission);
        case 'evaluation.remind':
          return remind(turn, submission);
        case 'evaluation.close':
          return close(turn, submission);
        case 'evaluation.cancelForm':
          return reasonForm(turn, submission.evaluationId, 'cancel');
        case 'evaluation.cancel':
          return cancel(turn, submission);
        case 'evaluation.headerForm':
          return headerForm(turn, submission.evaluationId);
        case 'evaluation.header':
          return correct(turn, submission);
        case 'evaluation.audit':
          return showAudit(turn, submission.evaluationId, submission);
        case 'grid.reopenForm':
          return reasonForm(turn, submission.evaluationId, 'reopenGrid');
        case 'grid.reopen':
          return reopenMemberGrid(turn, submission);
      }
    },
  };
}
