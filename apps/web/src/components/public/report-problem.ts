import { NETWORK_ERROR_CODE, type Problem } from '@zhizhi/api-client';
import { type Locale, type MessageKey, problemText, translate } from '../../i18n/translate';

/** The report form's fields a problem can point at. */
export type ReportField =
  | 'categoryCode'
  | 'description'
  | 'location'
  | 'address'
  | 'photos'
  | 'reporterName'
  | 'reporterPhone'
  | 'divisionCode';

const FIELDS: readonly ReportField[] = [
  'categoryCode',
  'description',
  'location',
  'address',
  'photos',
  'reporterName',
  'reporterPhone',
  'divisionCode',
];

// Our own words per field: the module's field messages are English whatever the language.
const FIELD_MESSAGES: Partial<Record<ReportField, MessageKey>> = {
  categoryCode: 'public.form.categoryRequired',
  description: 'public.form.descriptionLength',
  location: 'public.form.locationRequired',
  address: 'public.form.addressTooLong',
  reporterName: 'public.form.nameTooLong',
  reporterPhone: 'public.form.phoneInvalid',
  divisionCode: 'problem.governance.division.unknown',
};

// Codes that say exactly what is wrong with one field.
const CODE_FIELDS: Record<string, ReportField> = {
  'governance.category.unknown': 'categoryCode',
  'governance.category.not_leaf': 'categoryCode',
  'governance.location.outside_district': 'location',
  'governance.location.required': 'location',
  'governance.division.unknown': 'divisionCode',
};

function fieldOf(path: string): ReportField | undefined {
  const first = path.replace(/^\/?(body[./])?/, '').split(/[./]/)[0];
  return FIELDS.find((field) => field === first);
}

export interface ReportProblem {
  /** One line for the alert above the form. */
  summary: string;
  fields: { name: ReportField; errors: string[] }[];
}

/** What to show for a failed report: a summary and, in our words, the fields at fault. */
export function reportProblem(problem: Problem, locale: Locale): ReportProblem {
  const summary =
    problem.code === NETWORK_ERROR_CODE
      ? translate(locale, 'error.network')
      : (problemText(locale, problem) ?? translate(locale, 'error.unknown'));
  const byField = new Map<ReportField, string>();
  const exact = CODE_FIELDS[problem.code];
  if (exact) byField.set(exact, summary);
  for (const error of problem.errors ?? []) {
    const field = fieldOf(error.path);
    if (!field || byField.has(field)) continue;
    const key = FIELD_MESSAGES[field];
    byField.set(field, key ? translate(locale, key) : error.message);
  }
  return { summary, fields: [...byField].map(([name, text]) => ({ name, errors: [text] })) };
}
