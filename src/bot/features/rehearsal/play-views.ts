import { rehearsalBriefingCard } from '../../../cards/rehearsal-briefing-card.js';
import { rehearsalConditionCard } from '../../../cards/rehearsal-condition-card.js';
import { rehearsalMenuCard } from '../../../cards/rehearsal-menu-card.js';
import { rehearsalRateCard } from '../../../cards/rehearsal-rate-card.js';
import type { CardJson } from '../../../cards/render-template.js';
import type { Rehearsal } from '../../../domain/model.js';
import { DRILL_SHEET, drillQuestions, questionsScale, sheetOf, type DrillQuestion } from '../../../domain/rehearsal/index.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Condition, Line, Referential, RolePlay } from '../../../referential/schema.js';
import { bandLabel } from '../../format.js';

/**
 * What the candidate sees before and during an exercise: the menu, the briefing, the client's
 * lines (the referential's words, always marked with the speaker), the oui / non question of a
 * condition and the drill's rating card. The bot's own words come from the catalogs.
 */

export function modeLabel(mode: Rehearsal['mode'], t: Translate): string {
  if (mode === 'shuffled') return t('rehearsal.mode.shuffled');
  if (mode === 'drill') return t('rehearsal.mode.drill');
  return t('rehearsal.mode.ordered');
}

/** A client line, shown as the client's (a direction: the sheet's stage direction first). */
export function clientLineText(sheet: RolePlay, line: Line, t: Translate): string {
  const said = t('rehearsal.client', { role: sheet.roles.jury, text: line.text });
  return line.type === 'direction' && line.direction ? `${t('rehearsal.direction', { direction: line.direction })}\n\n${said}` : said;
}

export function drillQuestionText(question: DrillQuestion, index: number, total: number, t: Translate): string {
  return t('rehearsal.drill.question', { index: index + 1, total, row: question.rowTitle, text: question.text });
}

export function menuCard(referentials: readonly Referential[], t: Translate): CardJson {
  const several = referentials.length > 1;
  const items = referentials.flatMap((referential) => {
    const prefix = several ? `${referential.name} — ` : '';
    const sheets = [...referential.rolePlays]
      .sort((a, b) => a.number - b.number)
      .map((sheet) => ({
        heading: prefix + t('rehearsal.menu.sheet', { number: sheet.number, title: sheet.title }),
        context: sheet.context[0] ?? '',
        button: t('rehearsal.menu.choose', { number: sheet.number }),
        referentialId: referential.id,
        sheet: sheet.number,
      }));
    const count = drillQuestions(referential).length;
    const drill =
      count > 0
        ? [
            {
              heading: prefix + t('rehearsal.menu.drill.title'),
              context: t('rehearsal.menu.drill.context', { count }),
              button: t('rehearsal.menu.drill.choose'),
              referentialId: referential.id,
              sheet: DRILL_SHEET,
            },
          ]
        : [];
    return [...sheets, ...drill];
  });
  return rehearsalMenuCard({ title: t('rehearsal.menu.title'), intro: t('rehearsal.menu.intro'), items, footer: t('rehearsal.menu.footer') });
}

export function briefingCard(referential: Referential, rehearsal: Rehearsal, t: Translate): CardJson {
  const commandsHeading = t('rehearsal.briefing.commands');
  const commands = (hint: string) => [
    { title: t('rehearsal.word.hint'), value: hint },
    { title: t('rehearsal.word.restart'), value: t('rehearsal.briefing.restart') },
    { title: t('rehearsal.word.stop'), value: t('rehearsal.briefing.stop') },
  ];
  const base = { rehearsalId: rehearsal.id, rev: rehearsal.rev, commandsHeading, answerNote: t('rehearsal.briefing.answer') };
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) {
    const count = drillQuestions(referential).length;
    return rehearsalBriefingCard({
      ...base,
      title: t('rehearsal.briefing.drillTitle'),
      rolesHeading: '',
      roles: [],
      contextHeading: '',
      context: [],
      note: '',
      howHeading: t('rehearsal.briefing.how'),
      how: [t('rehearsal.briefing.drillHow', { count })],
      commands: commands(t('rehearsal.briefing.drillHint')),
      starts: [{ title: t('rehearsal.briefing.start'), mode: 'ordered' }],
    });
  }
  const headings = referential.rolePlayHeadings;
  return rehearsalBriefingCard({
    ...base,
    title: t('rehearsal.briefing.title', { number: sheet.number, title: sheet.title }),
    rolesHeading: headings?.roles ?? t('rehearsal.briefing.roles'),
    roles: [
      { title: t('rehearsal.briefing.you'), value: sheet.roles.candidate },
      { title: t('rehearsal.briefing.bot'), value: t('rehearsal.briefing.botRole', { role: sheet.roles.jury }) },
    ],
    contextHeading: headings?.context ?? t('rehearsal.briefing.context'),
    context: sheet.context,
    note: sheet.note ? `${t('rehearsal.briefing.note')} : ${sheet.note}` : '',
    howHeading: t('rehearsal.briefing.how'),
    how: [
      sheet.opener === 'candidate' ? t('rehearsal.briefing.howCandidate') : t('rehearsal.briefing.howBot'),
      t('rehearsal.briefing.modes'),
      t('rehearsal.briefing.howEnd'),
    ],
    commands: commands(t('rehearsal.briefing.hint')),
    starts: [
      { title: t('rehearsal.briefing.startOrdered'), mode: 'ordered' },
      { title: t('rehearsal.briefing.startShuffled'), mode: 'shuffled' },
    ],
  });
}

export function conditionCard(rehearsal: Rehearsal, condition: Condition, t: Translate): CardJson {
  return rehearsalConditionCard({
    title: t('rehearsal.condition.title'),
    intro: t('rehearsal.condition.intro', { label: condition.label }),
    question: condition.question,
    rehearsalId: rehearsal.id,
    rev: rehearsal.rev,
    conditionId: condition.id,
    yes: t('rehearsal.condition.yes'),
    no: t('rehearsal.condition.no'),
  });
}

/** The questions scale's bands, as the rating cards show them. */
export function scaleBands(referential: Referential, t: Translate): { scaleTitle: string; bands: { title: string; value: string }[] } {
  const scale = questionsScale(referential);
  const sorted = [...scale.descriptors].sort((a, b) => a.band.from - b.band.from);
  return {
    scaleTitle: `${t('rehearsal.scale.bands')} — ${scale.title}`,
    bands: sorted.map((d) => ({ title: bandLabel(t, d.band), value: d.text })),
  };
}

export function rateCard(referential: Referential, rehearsal: Rehearsal, question: DrillQuestion, index: number, total: number, t: Translate): CardJson {
  return rehearsalRateCard({
    title: t('rehearsal.drill.rateTitle', { index: index + 1, total }),
    question: question.text,
    ...scaleBands(referential, t),
    ratingLabel: t('rehearsal.drill.rateLabel'),
    typedNote: t('rehearsal.drill.rateTyped'),
    submit: t('rehearsal.drill.rateSubmit'),
    rehearsalId: rehearsal.id,
    rev: rehearsal.rev,
    questionId: question.id,
  });
}
