import type { FieldProblem } from './errors';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { MonitoringForm } from './monitoring-form';

export type MonitoringFormCheck =
  { ok: true; form: MonitoringForm } | { ok: false; code: 'MONITORING_FORM.INVALID'; message: string; problems: FieldProblem[] };

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const refusal = (problems: FieldProblem[]): Extract<MonitoringFormCheck, { ok: false }> => ({
  ok: false,
  code: 'MONITORING_FORM.INVALID',
  message: `The form needs correcting: ${problems.map((p) => `${p.label ?? p.field} — ${p.message}`).join('; ')}.`,
  problems,
});

/**
 * Checks a monitoring / evidence form against the trust's model (KGA: activity is lesson
 * observation, work analysis, discussion or other; Schoolsworks adds learning walks, WILOs and work
 * scrutiny; judgements for T,L&A · PDBW · L&M · Outcomes). A draft is checked this far too, so an
 * activity the trust does not use is refused as soon as it is chosen. The activity is matched
 * whatever its case and given back in the model's spelling.
 */
export function checkMonitoringForm(form: MonitoringForm, model: ImprovementModel): MonitoringFormCheck {
  const { activities, judgementAreas } = model.monitoringForm;
  const problems: FieldProblem[] = [];
  const activity = activities.find((a) => same(a, form.activity));
  if (!activity) {
    problems.push({
      field: 'activity',
      label: 'Activity',
      message: `“${form.activity.trim()}” is not an activity on this trust’s form; choose one of: ${activities.join(', ')}`,
    });
  }
  for (const key of Object.keys(form.judgements)) {
    if (!judgementAreas.some((a) => a.id === key)) {
      problems.push({
        field: `judgements.${key}`,
        label: `Judgements: ${key}`,
        message: `not one of the form’s judgement areas: ${judgementAreas.map((a) => a.label).join(', ')}`,
      });
    }
  }
  if (problems.length > 0) return refusal(problems);
  return { ok: true, form: { ...form, activity: activity! } };
}

/**
 * What a form needs before it is submitted, on top of `checkMonitoringForm`: what the activity was
 * for, and feedback under the model's first two headings (KGA's feedback reports give *What went
 * well* and *Even better if*; the *Area of excellence* — "what can we share?" — is there only when
 * there is one).
 */
export function checkSubmission(form: MonitoringForm, model: ImprovementModel): MonitoringFormCheck {
  const checked = checkMonitoringForm(form, model);
  const problems: FieldProblem[] = checked.ok ? [] : [...checked.problems];
  const headings = model.monitoringForm.feedbackHeadings;
  if (form.focus.trim() === '') problems.push({ field: 'focus', label: 'Focus', message: 'say what the activity was for' });
  if (!form.whatWentWell.some((s) => s.trim() !== ''))
    problems.push({ field: 'whatWentWell', label: headings.strengths, message: 'add at least one strength' });
  if (!form.evenBetterIf.some((s) => s.trim() !== ''))
    problems.push({ field: 'evenBetterIf', label: headings.development, message: 'add at least one area for development' });
  if (problems.length > 0) return refusal(problems);
  return checked;
}

/** The findings of a visit in a few lines, to offer as a judgement's evidence (the model's headings, then the points). */
export function visitFindings(
  form: Pick<MonitoringForm, 'activity' | 'focus' | 'whatWentWell' | 'evenBetterIf' | 'areaOfExcellence'>,
  model: ImprovementModel,
): string {
  const h = model.monitoringForm.feedbackHeadings;
  return [
    `${form.activity}: ${form.focus}`,
    form.whatWentWell.length ? `${h.strengths}: ${form.whatWentWell.join('; ')}` : '',
    form.evenBetterIf.length ? `${h.development}: ${form.evenBetterIf.join('; ')}` : '',
    form.areaOfExcellence ? `${h.excellence}: ${form.areaOfExcellence}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
