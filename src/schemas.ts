// Record schemas (SPEC 3). Every record is validated against these before it is written; the JSON Schema
// printed by `bulletin-miner schema`, the SQL column types of `export`/`load` and the report all derive from
// them, so this file is the single source of the output format.
import { z } from 'zod';
import { METRICS } from '../extractors/tables/metric.js';

export const QUALIFIERS = ['exact', 'approx', 'over', 'under', 'range'] as const;
export const PERCENT_UNITS = ['percent', 'point', 'times'] as const;
export const DIRECTIONS = ['up', 'down'] as const;
export const BASES = ['yoy', 'mom', 'share', 'progress'] as const;
export const COUNT_CATEGORIES = ['new', 'continuing', 'completed', 'reserve', 'signed', 'started', 'key'] as const;
export const PROJECT_STATUSES = ['new', 'continuing', 'completed', 'reserve', 'signed', 'started'] as const;
export const RECORD_TYPES = ['amount', 'percentage', 'count', 'project'] as const;

export type Qualifier = (typeof QUALIFIERS)[number];
export type RecordType = (typeof RECORD_TYPES)[number];

const base = {
  id: z.string().regex(/^[0-9a-f]{16}-[a-z]+-\d+-\d+$/).describe('stable id: doc_id, type, start and end'),
  doc_id: z.string().regex(/^[0-9a-f]{16}$/).describe('first 16 hex digits of the SHA-256 of the file bytes'),
  path: z.string().describe('path of the file relative to the input it was found under'),
  start: z.number().int().nonnegative().describe('start offset, Unicode code points into the original text'),
  end: z.number().int().nonnegative().describe('end offset (exclusive), code points into the original text'),
  text: z.string().min(1).describe('the span after normalization'),
  context: z.string().describe('the normalized sentence that holds the span'),
};

const num = z.number().finite();

// SPEC 7: where and when. A month is YYYY-MM; a date of issue YYYY-MM-DD or YYYY-MM.
const yearMonth = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/);
const where = {
  region: z.string().min(1).nullable().describe('the place the text gives this number to, else the document\'s region'),
  period_start: yearMonth.nullable().describe('first month of the period of this number (YYYY-MM)'),
  period_end: yearMonth.nullable().describe('last month of the period of this number (YYYY-MM)'),
};
const metric = z.enum(METRICS).nullable().describe('the canonical indicator the subject names (extractors/tables/metric.ts)');

export const AmountRecord = z
  .object({
    ...base,
    type: z.literal('amount'),
    value: num.nullable().describe('value in base units of the currency; null for a range'),
    min: num.nullable(),
    max: num.nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code'),
    unit: z.string().min(1).describe('the unit as written, normalized (亿元)'),
    qualifier: z.enum(QUALIFIERS),
    subject: z.string().nullable().describe('what the money measures, as written'),
    ...where,
    metric,
  })
  .strict();

export const PercentageRecord = z
  .object({
    ...base,
    type: z.literal('percentage'),
    value: num.nullable().describe('the number as written; null for a range'),
    min: num.nullable(),
    max: num.nullable(),
    unit: z.enum(PERCENT_UNITS),
    direction: z.enum(DIRECTIONS).nullable(),
    basis: z.enum(BASES).nullable(),
    qualifier: z.enum(QUALIFIERS),
    subject: z.string().nullable(),
    ...where,
    metric,
  })
  .strict();

export const CountRecord = z
  .object({
    ...base,
    type: z.literal('count'),
    value: z.number().int().nonnegative(),
    unit: z.string().min(1).nullable().describe('the classifier (个, 项, 条, 批, 件, 处); null when the text gives none (四工程项目)'),
    noun: z.string().nullable().describe('the counted noun phrase, normalized'),
    category: z.enum(COUNT_CATEGORIES).nullable(),
    qualifier: z.enum(QUALIFIERS),
    ...where,
  })
  .strict();

export const ProjectRecord = z
  .object({
    ...base,
    type: z.literal('project'),
    name: z.string().min(1),
    location: z.string().nullable(),
    amount_ids: z.array(z.string()),
    status: z.enum(PROJECT_STATUSES).nullable(),
  })
  .strict();

export const AnyRecord = z.discriminatedUnion('type', [AmountRecord, PercentageRecord, CountRecord, ProjectRecord]);

export const Warning = z
  .object({
    kind: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    message: z.string(),
  })
  .strict();

export const DocumentRecord = z
  .object({
    doc_id: z.string().regex(/^[0-9a-f]{16}$/),
    path: z.string(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    encoding: z.string().describe('the detected encoding'),
    encoding_confidence: z.number().min(0).max(1).describe('how sure the detection was'),
    format: z.enum(['text', 'html', 'pdf', 'docx']).describe('what the file was read as: its original text is the decoded text, a web page\'s visible text, a .docx\'s paragraphs or a PDF\'s text layer'),
    script: z.enum(['simplified', 'traditional', 'mixed']),
    chars: z.number().int().nonnegative().describe('code points in the original text'),
    title: z.string().nullable(),
    counts: z.object({ amount: z.number().int(), percentage: z.number().int(), count: z.number().int(), project: z.number().int() }).strict(),
    normalization: z
      .object({
        pinyin_annotations: z.number().int(),
        doubled_punctuation: z.number().int(),
        width_fixes: z.number().int(),
        number_spaces: z.number().int(),
        script_conversions: z.number().int(),
      })
      .strict(),
    warnings: z.array(Warning),
    region: z.string().min(1).nullable().describe('the area the bulletin reports on, as fully as the text names it (SPEC 7)'),
    period_start: yearMonth.nullable().describe('first month of the period of its headline figures (YYYY-MM)'),
    period_end: yearMonth.nullable().describe('last month of the period of its headline figures (YYYY-MM)'),
    published: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/).nullable().describe('date of issue (YYYY-MM-DD or YYYY-MM)'),
  })
  .strict();

export const ErrorRecord = z
  .object({
    path: z.string(),
    kind: z.string().min(1).describe('what kind of failure: empty, binary, too-large, output-too-large, …'),
    message: z.string().min(1).describe('what failed, in words'),
  })
  .strict();

export type AmountRecord = z.infer<typeof AmountRecord>;
export type PercentageRecord = z.infer<typeof PercentageRecord>;
export type CountRecord = z.infer<typeof CountRecord>;
export type ProjectRecord = z.infer<typeof ProjectRecord>;
export type OutRecord = z.infer<typeof AnyRecord>;
export type DocumentRecord = z.infer<typeof DocumentRecord>;
export type Warning = z.infer<typeof Warning>;
export type ErrorRecord = z.infer<typeof ErrorRecord>;

/** The schemas by name, for `schema`, `export`, `load` and anything else that derives from them. */
export const SCHEMAS = {
  amount: AmountRecord,
  percentage: PercentageRecord,
  count: CountRecord,
  project: ProjectRecord,
  document: DocumentRecord,
  error: ErrorRecord,
} as const;

export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) out[name] = z.toJSONSchema(schema);
  return out;
}
