import { z } from 'zod';
import { checkClient, clientSchema } from './client-schema.js';

/**
 * The shape of a CQP referential file (data/referentiels/*.json).
 * Everything the product shows about a certification is data described here,
 * so that another CQP is added by dropping in another file.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'identifiant attendu : minuscules, chiffres, tirets');
const text = z.string().trim().min(1);

/** How a row was observed; each source has its scale (both: the two scales). */
export const SOURCES = ['workstation', 'questions', 'both'] as const;
export const sourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof sourceSchema>;

const bandSchema = z
  .object({
    /** Inclusive lower bound, percent. */
    from: z.number().int().min(0).max(100),
    /** Exclusive upper bound, except for the last band which includes 100. */
    to: z.number().int().min(0).max(100),
  })
  .refine((b) => b.from < b.to, { message: 'from doit être inférieur à to' });

export const scaleSchema = z.object({
  id: z.enum(['workstation', 'questions']),
  title: text,
  descriptors: z
    .array(z.object({ id, text, band: bandSchema }))
    .length(4),
});
export type Scale = z.infer<typeof scaleSchema>;

export const questionSchema = z.object({ id, text });
export type Question = z.infer<typeof questionSchema>;

export const rowSchema = z.object({
  id,
  /** The grid's "observation au poste" column, e.g. "Gestion des litiges". */
  title: text,
  /** What the juror looks for at the workstation, shown on the row card. */
  workstation: text,
  questions: z.array(questionSchema),
  /** Numbers of the role-play sheets the row refers to ("voir fiche n°…"). */
  rolePlays: z.array(z.number().int().positive()),
});
export type Row = z.infer<typeof rowSchema>;

export const domainSchema = z.object({
  id,
  title: text,
  rows: z.array(rowSchema).min(1),
});
export type Domain = z.infer<typeof domainSchema>;

export const LINE_TYPES = ['opening', 'relaunch', 'direction', 'conditional', 'closing'] as const;

export const lineSchema = z
  .object({
    id,
    type: z.enum(LINE_TYPES),
    /** What the client says (for a direction: the in-character line written for the purpose). */
    text,
    /** True when `text` is the sheet's own words; false when written for the rehearsal. */
    fromSheet: z.boolean(),
    /** For a direction: the sheet's stage direction the line comes from, verbatim. */
    direction: text.optional(),
    /** For a conditional line: the id of its condition. */
    condition: id.optional(),
  })
  .superRefine((line, ctx) => {
    if (line.type === 'conditional' && !line.condition) {
      ctx.addIssue({ code: 'custom', path: ['condition'], message: 'une réplique conditionnelle nomme sa condition' });
    }
    if (line.type === 'direction' && !line.direction) {
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'une consigne de jeu garde le texte de la fiche' });
    }
  });
export type Line = z.infer<typeof lineSchema>;

export const conditionSchema = z.object({
  id,
  /** The sheet's wording of the condition, e.g. "Si réclamation acceptée". */
  label: text,
  /** French keywords (accent- and case-insensitive) meaning the condition is met. */
  keywords: z.array(text).min(1),
  /** Keywords meaning it is clearly not met (e.g. a refusal); checked first. */
  negativeKeywords: z.array(text).default([]),
  /** Asked to the candidate when the answer is ambiguous. */
  question: text,
});
export type Condition = z.infer<typeof conditionSchema>;

export const criterionSchema = z.object({ id, text, hint: text });
export type Criterion = z.infer<typeof criterionSchema>;

export const observationRuleSchema = z.object({
  id,
  criterion: id,
  /** Any of these keywords in the candidate's answers triggers the observation. */
  keywords: z.array(text).min(1),
  /** Shown when found / when not found, as a hint, never as a grade. */
  found: text,
  missing: text,
});
export type ObservationRule = z.infer<typeof observationRuleSchema>;

export const rolePlaySchema = z
  .object({
    number: z.number().int().positive(),
    id,
    title: text,
    roles: z.object({ candidate: text, jury: text }),
    context: z.array(text).min(1),
    /** Sheet 3's "Note : La GPA consiste à …". */
    note: text.optional(),
    /** Sheet 1's "Le client réagit :", said before its relaunches. */
    relaunchesIntro: text.optional(),
    /** Who speaks first: the candidate (they call the client) or the bot (the client calls). */
    opener: z.enum(['candidate', 'bot']),
    /** Invitation shown to the candidate when they open the call (written for the purpose). */
    candidateCue: text.optional(),
    lines: z.array(lineSchema).min(1),
    conditions: z.array(conditionSchema).default([]),
    successCriteria: z.array(criterionSchema).min(1),
    observationRules: z.array(observationRuleSchema).default([]),
    /** How the client reacts to the answers (insists, acknowledges, escalates, calms down, concludes); without it, the lines follow each other. */
    client: clientSchema.optional(),
  })
  .superRefine((sheet, ctx) => {
    const conditionIds = new Set(sheet.conditions.map((c) => c.id));
    sheet.lines.forEach((line, i) => {
      if (line.condition && !conditionIds.has(line.condition)) {
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'condition'], message: `condition inconnue : ${line.condition}` });
      }
    });
    const criterionIds = new Set(sheet.successCriteria.map((c) => c.id));
    sheet.observationRules.forEach((rule, i) => {
      if (!criterionIds.has(rule.criterion)) {
        ctx.addIssue({ code: 'custom', path: ['observationRules', i, 'criterion'], message: `critère inconnu : ${rule.criterion}` });
      }
    });
    if (sheet.client) checkClient(sheet.client, sheet, ctx);
  });
export type RolePlay = z.infer<typeof rolePlaySchema>;

const procedureStepSchema = z.object({ id, text });

export const referentialSchema = z
  .object({
    schemaVersion: z.literal(1),
    id,
    /** The edition of the guide (e.g. "2024-09"), printed in the day's export; without it the export names a content fingerprint. */
    version: text.optional(),
    /** e.g. "CQP Assistant(e) de Gestion Client". */
    name: text,
    guideTitle: text,
    audience: text,
    intro: text,
    objectives: z.object({
      /** The section's heading, e.g. "Les objectifs de l'évaluation Jury ou Professionnel". */
      title: text.optional(),
      paragraphs: z.array(text).min(1),
      capacitiesIntro: text,
      capacities: z.array(text).min(1),
    }),
    interview: z.object({
      durationMinutes: z.number().int().positive(),
      /** Minutes after the start at which every member is told. */
      noticesAtMinutes: z.array(z.number().int().positive()).min(1),
      maxPeopleAtWorkstation: z.number().int().positive(),
      maxPeopleAdvice: text,
      /** The interview's steps, in order, as the bot recalls them. */
      steps: z.array(procedureStepSchema).min(1),
    }),
    procedure: z.object({
      /** The section's heading and its three sub-headings ("AVANT L'EPREUVE JURY", …). */
      title: text.optional(),
      headings: z.object({ before: text, during: text, after: text }).optional(),
      /** Each list holds the section's paragraphs and bullets, in the guide's order. */
      before: z.array(text).min(1),
      during: z.array(text).min(1),
      after: z.array(text).min(1),
    }),
    /** The sentence introducing the principles ("Les principes de fonctionnement sont partagés …"). */
    principlesIntro: text.optional(),
    principles: z.array(text).min(1),
    presidentNote: text,
    headerFields: z.object({
      individual: z.array(z.object({ id, label: text })).min(1),
      synthesis: z.array(z.object({ id, label: text })).min(1),
    }),
    grids: z.object({
      observation: text,
      individualReport: text,
      synthesis: text,
      synthesisAudience: text,
      comment: text,
      signature: text,
      /** The observation grid's column headings. */
      columns: z
        .object({ domain: text, workstation: text, questions: text, notes: text, percent: text })
        .optional(),
      /** The report and synthesis grids' row headings ("Domaines", "L'appréciation de chaque domaine"). */
      reportLabels: z.object({ domains: text, appraisal: text }).optional(),
    }),
    scales: z.object({
      title: text,
      marks: z.array(z.number().int().min(0).max(100)).min(2),
      /** Our reading of the marks as bands; shown as an interpretation, not as the guide's words. */
      interpretation: text,
      list: z.array(scaleSchema).length(2),
    }),
    domains: z.array(domainSchema).min(1),
    rolePlays: z.array(rolePlaySchema),
    /** The role-play sheets' own headings, so a sheet can be shown as the guide prints it. */
    rolePlayHeadings: z
      .object({
        /** Followed by " n°" and the sheet's number. */
        sheet: text,
        roles: text,
        candidate: text,
        jury: text,
        context: text,
        relaunches: text,
        criteria: text,
      })
      .optional(),
  })
  .superRefine((ref, ctx) => {
    const rowIds = new Set<string>();
    ref.domains.forEach((domain, d) =>
      domain.rows.forEach((row, r) => {
        if (rowIds.has(row.id)) {
          ctx.addIssue({ code: 'custom', path: ['domains', d, 'rows', r, 'id'], message: `ligne en double : ${row.id}` });
        }
        rowIds.add(row.id);
        row.rolePlays.forEach((n, i) => {
          if (!ref.rolePlays.some((sheet) => sheet.number === n)) {
            ctx.addIssue({ code: 'custom', path: ['domains', d, 'rows', r, 'rolePlays', i], message: `fiche inconnue : ${n}` });
          }
        });
      }),
    );
    ref.scales.list.forEach((scale, s) => {
      const sorted = [...scale.descriptors].sort((a, b) => a.band.from - b.band.from);
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      const contiguous = sorted.every((b, i) => i === 0 || sorted[i - 1]?.band.to === b.band.from);
      if (!first || !last || first.band.from !== 0 || last.band.to !== 100 || !contiguous) {
        ctx.addIssue({ code: 'custom', path: ['scales', 'list', s, 'descriptors'], message: 'les bandes doivent couvrir 0 à 100 sans trou' });
      }
    });
  });

export type Referential = z.infer<typeof referentialSchema>;
