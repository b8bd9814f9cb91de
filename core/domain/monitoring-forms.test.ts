import { checkMonitoringForm } from './monitoring-forms';
import { preset } from './models/presets';
import { makeMonitoringForm } from './test-factories';

const model = preset('kga');

describe('checkMonitoringForm', () => {
  it('accepts a lesson observation with judgements in KGA’s areas', () => {
    const form = makeMonitoringForm({ judgements: { 'teaching-learning-assessment': 'good', outcomes: 'requires-improvement' } });
    expect(checkMonitoringForm(form, model)).toEqual({ ok: true, form });
  });

  it('matches the activity whatever its case and gives it back as the model spells it', () => {
    const r = checkMonitoringForm(makeMonitoringForm({ activity: 'work analysis' }), model);
    expect(r.ok && r.form.activity).toBe('Work analysis');
  });

  it('names each field that does not fit the form: an unknown activity and an unknown judgement area', () => {
    const r = checkMonitoringForm(
      makeMonitoringForm({ activity: 'Learning walk', judgements: { 'teaching-learning-assessment': 'good', safeguarding: 'good' } }),
      model,
    );
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'activity', message: 'choose one of: Lesson observation, Work analysis, Discussion, Other' },
      {
        field: 'judgements.safeguarding',
        message:
          'not one of the form’s judgement areas: Teaching, learning and assessment, Personal development, behaviour and welfare, Leadership and management, Outcomes',
      },
    ]);
    expect(r).toMatchObject({ ok: false, code: 'MONITORING_FORM.INVALID' });
  });
});
