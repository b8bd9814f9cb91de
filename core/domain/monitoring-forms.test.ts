import { checkMonitoringForm, checkSubmission, visitFindings } from './monitoring-forms';
import { canChangeVisit, canRecordVisit, canSeeVisit } from './monitoring-visit-access';
import { monitoringFormSchema } from './monitoring-form';
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
    expect(r.ok ? [] : r.problems.map((p) => [p.field, p.message])).toEqual([
      [
        'activity',
        '“Learning walk” is not an activity on this trust’s form; choose one of: Lesson observation, Work analysis, Discussion, Other',
      ],
      [
        'judgements.safeguarding',
        'not one of the form’s judgement areas: Teaching, learning and assessment, Personal development, behaviour and welfare, Leadership and management, Outcomes',
      ],
    ]);
    expect(r).toMatchObject({ ok: false, code: 'MONITORING_FORM.INVALID' });
  });

  it('takes a WILO at Schoolsworks, whose model lists it, and refuses it at KGA and DSAT, which do not', () => {
    const wilo = makeMonitoringForm({ activity: 'wilo' });
    const schoolsworks = checkMonitoringForm(wilo, preset('schoolsworks'));
    expect(schoolsworks.ok && schoolsworks.form.activity).toBe('WILO');
    for (const id of ['kga', 'dsat']) {
      const r = checkMonitoringForm(wilo, preset(id));
      expect([id, r.ok ? 'accepted' : r.message]).toEqual([id, expect.stringContaining('“wilo” is not an activity on this trust’s form')]);
    }
    expect(preset('schoolsworks').monitoringForm.activities).toEqual([
      'Lesson observation',
      'Learning walk',
      'WILO',
      'Work scrutiny',
      'Discussion',
      'Other',
    ]);
    expect(checkMonitoringForm(makeMonitoringForm({ activity: 'Learning walk' }), preset('dsat')).ok).toBe(true);
  });
});

describe('checkSubmission', () => {
  it('asks for the focus and feedback under the model’s first two headings before a draft is submitted', () => {
    const r = checkSubmission(makeMonitoringForm({ status: 'draft', focus: ' ', whatWentWell: [], evenBetterIf: [''] }), model);
    expect(r.ok ? [] : r.problems.map((p) => `${p.label}: ${p.message}`)).toEqual([
      'Focus: say what the activity was for',
      'What went well: add at least one strength',
      'Even better if: add at least one area for development',
    ]);
    expect(r.ok ? '' : r.message).toMatch(/^The form needs correcting: Focus — say what the activity was for; What went well — /);
  });

  it('submits a complete form without an area of excellence, which is there only when there is one to share', () => {
    const form = makeMonitoringForm({ status: 'draft' });
    expect(checkSubmission(form, model)).toEqual({ ok: true, form });
  });
});

describe('visitFindings', () => {
  it('reads the findings under the model’s headings, to offer as a judgement’s evidence', () => {
    expect(visitFindings(makeMonitoringForm({ areaOfExcellence: 'Maths talk partners' }), model)).toBe(
      [
        'Lesson observation: Reasoning in Year 5 maths',
        'What went well: Clear modelling of the bar method',
        'Even better if: More pupils explain their reasoning aloud',
        'Area of excellence: Maths talk partners',
      ].join('\n'),
    );
  });
});

describe('who records and who reads a visit', () => {
  const head = { id: 'head-a', roles: [{ role: 'head' as const, academyId: 'a' }] };
  const governor = { id: 'gov-a', roles: [{ role: 'governor' as const, academyId: 'a' }] };
  const director = { id: 'aid', roles: [{ role: 'improvement-director' as const }] };
  const board = { id: 'trustee', roles: [{ role: 'board' as const }] };
  const otherHead = { id: 'head-b', roles: [{ role: 'head' as const, academyId: 'b' }] };

  it('the improvement team anywhere, a head or partner at their own academy; not governors, the board or another school', () => {
    expect([director, head, governor, board, otherHead].map((p) => canRecordVisit(p, 'a'))).toEqual([true, true, false, false, false]);
  });

  it('a draft is the observer’s alone; once submitted everyone who sees the academy reads it, and nobody changes it', () => {
    const draft = { observerId: 'aid', status: 'draft' as const, academyId: 'a' };
    const submitted = { ...draft, status: 'submitted' as const };
    expect([director, head, governor, board, otherHead].map((p) => canSeeVisit(p, draft))).toEqual([true, false, false, false, false]);
    expect([director, head, governor, board, otherHead].map((p) => canSeeVisit(p, submitted))).toEqual([true, true, true, true, false]);
    expect([canChangeVisit(director, draft), canChangeVisit(director, submitted), canChangeVisit(head, draft)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('the stored form', () => {
  it('reads a form stored before drafts existed as submitted', () => {
    const { status: _s, ...old } = makeMonitoringForm();
    expect(monitoringFormSchema.parse(old).status).toBe('submitted');
  });
});
