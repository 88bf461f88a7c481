import type {
  CodeIssuedView,
  CreateEvaluationView,
  FrameView,
  HeaderView,
  JoinRequestView,
  NotesView,
  ProfileView,
  PrompterView,
  RecordedView,
  ReportView,
  RowView,
  ScaleView,
  SubmitConfirmView,
} from '../../src/cards/evaluation/views.js';
import type { Locale } from '../../src/i18n/translate.js';
import { loadReferentials } from '../../src/referential/load-referentials.js';
import type { Referential, RolePlay, Row } from '../../src/referential/schema.js';

/**
 * Views of the juror's cards built from the real referential, with every
 * input at its maximum (DESIGN.md, card budget): notes 4,000 characters on
 * every row, comments 1,000 per domain, names and functions 100, three
 * members on the jury.
 */

const loaded = loadReferentials().get('cqp-agc');
if (!loaded) throw new Error('cqp-agc referential missing');
export const referential: Referential = loaded;

/** Repeats `base` up to exactly `length` UTF-16 units. */
export function fill(base: string, length: number): string {
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

const NOTE_LINE =
  "Accueil posé, reformule la demande du client « d'accord, je note » ; propose un produit de remplacement puis un avoir. Hésite sur le taux de couverture (\"stock de sécurité ?\"), se reprend.\n";

export const NOTES_MAX = fill(NOTE_LINE, 4000);
export const COMMENT_MAX = fill("Échange structuré et argumenté ; l'interlocuteur est pris en compte. À revoir : la procédure de rupture. ", 1000);
export const REASON_MAX = fill("Observation au poste impossible : l'outil de l'entreprise était en panne ce jour-là. ", 500);

export const members = [
  { name: fill('Claire-Marie Martin de la Roche-Guyon ', 100), function: fill("responsable de l'administration des ventes ", 100) },
  { name: fill('Marc-Antoine Petit-Delacourt ', 100), function: fill('commercial grands comptes, secteur laitier ', 100) },
  { name: fill('Inès Benali-Fontaine ', 100), function: fill('formatrice relation client et gestion des litiges ', 100) },
] as const;

export const candidate = `${fill('DUPONT-LEFÈVRE ', 100)} ${fill('Léa-Marie ', 100)}`;
export const company = fill('Laiterie coopérative du Val de Saône et des Monts du Lyonnais ', 150);

export function header(people: 'member' | 'members'): HeaderView {
  const line = (m: (typeof members)[number]): string => `${m.name}, ${m.function}`;
  return {
    date: '28/11/2026',
    candidate,
    company,
    people: people === 'member' ? line(members[1]) : members.map(line).join(' ; '),
  };
}

export interface RowPlace {
  row: Row;
  domainIndex: number;
  domainTitle: string;
  rowIndex: number;
}

export const rowPlaces: RowPlace[] = referential.domains.flatMap((domain, domainIndex) =>
  domain.rows.map((row) => ({ row, domainIndex, domainTitle: domain.title })),
).map((place, rowIndex) => ({ ...place, rowIndex }));

const percent = (value: number): string => `${value}\u00a0%`;

/** The scales with the band(s) of `percentage` marked: at 30, 50 and 70 both sides (DESIGN.md). */
function scalesAt(percentage: number | null): ScaleView[] {
  return referential.scales.list.map((scale) => ({
    title: scale.title,
    descriptors: scale.descriptors.map((d) => ({
      band: d.band.to === 100 ? `${d.band.from} à 100 %` : `${d.band.from} à ${d.band.to - 1} %`,
      text: d.text,
      current:
        percentage !== null &&
        ((percentage >= d.band.from && (percentage < d.band.to || d.band.to === 100)) || (percentage === d.band.to && d.band.to !== 100)),
    })),
  }));
}

export function rowView(place: RowPlace, phase: 'notes' | 'scoring', options: { locale?: Locale; notEvaluated?: boolean } = {}): RowView {
  const { row } = place;
  const percentage = options.notEvaluated ? null : 50;
  const scales = scalesAt(percentage);
  const rowCount = rowPlaces.length;
  return {
    locale: options.locale ?? 'fr',
    evaluationId: 'ev-2026-11-28-lea-dupont',
    rowId: row.id,
    rev: 12,
    phase,
    position: `Domaine ${place.domainIndex + 1}/${referential.domains.length} · Ligne ${place.rowIndex + 1}/${rowCount}`,
    clock: phase === 'notes' ? 'Entretien : 12 min / 45' : 'Entretien terminé : 43 min',
    domainTitle: place.domainTitle,
    rowTitle: row.title,
    workstation: row.workstation,
    questions: row.questions.map((q, i) => ({ id: q.id, text: q.text, used: i % 2 === 0 })),
    rolePlays: referential.rolePlays.filter((s) => row.rolePlays.includes(s.number)).map((s) => ({ number: s.number, title: s.title })),
    linesUsedCount: row.rolePlays.length > 0 ? 2 : 0,
    notes: NOTES_MAX,
    source: 'both',
    percentage,
    notEvaluated: Boolean(options.notEvaluated),
    notEvaluatedReason: options.notEvaluated ? REASON_MAX : '',
    savedAt: 'Enregistré à 14\u00a0h\u00a005',
    scales,
    indicative: scales.flatMap((scale) => scale.descriptors.filter((d) => d.current).map((d) => `${scale.title} : ${d.text}`)),
    rows: rowPlaces.map((p) => ({ id: p.row.id, title: `${p.rowIndex + 1}. ${p.row.title}` })),
    hasPrevious: place.rowIndex > 0,
    hasNext: place.rowIndex < rowCount - 1,
    notice: 'Vos notes vous sont rendues telles que vous les aviez saisies : le pourcentage « 55,5 » a été refusé (nombre entier de 0 à 100).',
    picks: referential.scales.marks.map((mark) => ({
      mark,
      bands: referential.scales.list.map((scale) => ({
        source: scale.id,
        text: [...scale.descriptors].reverse().find((d) => d.band.from <= mark)?.text ?? '',
      })),
      current: mark === percentage,
    })),
  };
}

/** The sheet's own lines the juror plays (relaunches, the stage direction, the conditional line). */
export function prompterView(sheet: RolePlay, locale: Locale = 'fr'): PrompterView {
  return {
    locale,
    evaluationId: 'ev-2026-11-28-lea-dupont',
    rowId: rowPlaces.find((p) => p.row.rolePlays.includes(sheet.number))?.row.id ?? 'gpa',
    rev: 12,
    phase: 'notes',
    number: sheet.number,
    title: sheet.title,
    roles: sheet.roles,
    context: sheet.context,
    ...(sheet.note ? { note: sheet.note } : {}),
    ...(sheet.relaunchesIntro ? { relaunchesIntro: sheet.relaunchesIntro } : {}),
    lines: sheet.lines.flatMap((line, i) => {
      if (line.type !== 'relaunch' && line.type !== 'direction' && line.type !== 'conditional') return [];
      if (!line.fromSheet && line.type !== 'direction') return [];
      return [
        {
          id: line.id,
          text: line.type === 'direction' ? (line.direction ?? line.text) : line.text,
          kind: line.type,
          ...(line.condition ? { condition: sheet.conditions.find((c) => c.id === line.condition)?.label ?? line.condition } : {}),
          used: i % 2 === 1,
        },
      ];
    }),
    criteria: sheet.successCriteria.map((c) => c.text),
  };
}

/** Sheets by the length of what the prompter shows, longest first. */
export function sheetsByLength(): RolePlay[] {
  const size = (s: RolePlay): number => JSON.stringify(prompterView(s)).length;
  return [...referential.rolePlays].sort((a, b) => size(b) - size(a));
}

export function reportView(submitted: boolean, locale: Locale = 'fr'): ReportView {
  let n = 0;
  return {
    locale,
    evaluationId: 'ev-2026-11-28-lea-dupont',
    rev: 31,
    title: referential.grids.individualReport,
    header: header('member'),
    domains: referential.domains.map((domain) => ({
      id: domain.id,
      title: domain.title,
      rows: domain.rows.map((row) => {
        n += 1;
        const status = n === 2 ? 'not_evaluated' : n === 5 && !submitted ? 'missing' : 'scored';
        return {
          rowId: row.id,
          title: row.title,
          value: status === 'scored' ? percent(70) : status === 'not_evaluated' ? `Non évalué : ${REASON_MAX}` : 'À compléter',
          status,
          notesExcerpt: `${NOTES_MAX.slice(0, 300)}…`,
          notesCut: true,
        };
      }),
      reported: percent(57),
      comment: COMMENT_MAX,
    })),
    submitted,
    ...(submitted ? { submittedAt: 'Soumise le 28/11/2026 à 14\u00a0h\u00a052' } : {}),
    notice: 'Commentaires enregistrés à 14\u00a0h\u00a050.',
  };
}

export function frameView(actions: FrameView['actions'], locale: Locale = 'fr'): FrameView {
  return {
    locale,
    evaluationId: 'ev-2026-11-28-lea-dupont',
    header: header('members'),
    jury: members.map((m, i) => `${m.name} (${m.function})${i === 0 ? ' — présidente' : ''}`),
    workstationAdvice: referential.interview.maxPeopleAdvice,
    objectives: {
      paragraphs: referential.objectives.paragraphs,
      capacitiesIntro: referential.objectives.capacitiesIntro,
      capacities: referential.objectives.capacities,
    },
    steps: referential.interview.steps.map((s) => s.text),
    principles: referential.principles,
    clock: 'Entretien en cours : 12 min / 45',
    actions,
  };
}

export const allFrameActions: FrameView['actions'] = { start: true, notes: true, end: true, scoring: true, report: true };

export function createEvaluationView(locale: Locale = 'fr'): CreateEvaluationView {
  return {
    locale,
    date: '2026-11-28',
    mode: 'jury',
    presidentScores: 'yes',
    candidateLastName: fill('DUPONT-LEFÈVRE ', 100),
    candidateFirstName: fill('Léa-Marie ', 100),
    company,
    creatorName: members[0].name,
    creatorFunction: members[0].function,
    error: "La date « 31/02/2026 » n'existe pas : indiquez une date au format JJ/MM/AAAA.",
  };
}

export function profileView(locale: Locale = 'fr'): ProfileView {
  return {
    locale,
    name: members[2].name,
    function: members[2].function,
    reason: 'Pour rejoindre le jury, indiquez votre nom et votre fonction.',
    error: 'Votre nom est trop long : 100 caractères au plus.',
  };
}

export function codeIssuedView(sameDay: boolean, locale: Locale = 'fr'): CodeIssuedView {
  return {
    locale,
    header: header('members'),
    code: 'K7QF-2M9X',
    forward: `Bonjour, pour rejoindre le jury du 28/11/2026, écrivez au bot Jury CQP dans une conversation personnelle : rejoindre K7QF-2M9X`,
    sameDay,
  };
}

export function joinRequestView(locale: Locale = 'fr'): JoinRequestView {
  return {
    locale,
    sessionId: 'session-2026-11-28-claire',
    personId: '29f1c3a4-7b1e-4c52-9d0a-3f6e8b2a1c77',
    name: members[2].name,
    function: members[2].function,
    date: '28/11/2026',
    juryCount: 3,
  };
}

export function submitConfirmView(locale: Locale = 'fr'): SubmitConfirmView {
  return {
    locale,
    evaluationId: 'ev-2026-11-28-lea-dupont',
    rev: 31,
    domains: referential.domains.map((d) => d.title),
    comments: Object.fromEntries(referential.domains.map((d) => [d.id, COMMENT_MAX])),
  };
}

export function notesView(locale: Locale = 'fr'): NotesView {
  return { locale, evaluationId: 'ev-2026-11-28-lea-dupont', rowTitle: 'GPA', notes: NOTES_MAX };
}

export function recordedView(locale: Locale = 'fr'): RecordedView {
  return {
    locale,
    title: 'Ligne enregistrée à 14\u00a0h\u00a005',
    facts: [
      { title: 'Ligne', value: 'GPA' },
      { title: 'Source', value: 'Les deux' },
      { title: 'Pourcentage', value: percent(70) },
      { title: 'Questions posées', value: '2 sur 3' },
    ],
  };
}
