import type { FieldProblem } from './errors';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { MonitoringForm } from './monitoring-form';

export type MonitoringFormCheck =
  { ok: true; form: MonitoringForm } | { ok: false; code: 'MONITORING_FORM.INVALID'; message: string; problems: FieldProblem[] };

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Checks a monitoring / evidence form against the trust's model (KGA: activity is lesson
 * observation, work analysis, discussion or other; judgements for T,L&A · PDBW · L&M · Outcomes).
 * The activity is matched whatever its case and given back in the model's spelling.
 */
export function checkMonitoringForm(form: MonitoringForm, model: ImprovementModel): MonitoringFormCheck {
  const { activities, judgementAreas } = model.monitoringForm;
  const problems: FieldProblem[] = [];
  const activity = activities.find((a) => same(a, form.activity));
  if (!activity) problems.push({ field: 'activity', message: `choose one of: ${activities.join(', ')}` });
  for (const key of Object.keys(form.judgements)) {
    if (!judgementAreas.some((a) => a.id === key)) {
      problems.push({
        field: `judgements.${key}`,
        message: `not one of the form’s judgement areas: ${judgementAreas.map((a) => a.label).join(', ')}`,
      });
    }
  }
  if (problems.length > 0) {
    return {
      ok: false,
      code: 'MONITORING_FORM.INVALID',
      message: `The form needs correcting: ${problems.map((p) => `${p.field} — ${p.message}`).join('; ')}.`,
      problems,
    };
  }
  return { ok: true, form: { ...form, activity: activity! } };
}
