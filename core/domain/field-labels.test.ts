import { z } from 'zod';
import { humanise, labelAt, parseLabelled } from './field-labels';
import { isValidationError } from './errors';

const schema = z.object({
  dueDate: z.string().meta({ title: 'Due date' }).optional(),
  ownerId: z.string(),
  targets: z.array(z.object({ target: z.number().meta({ title: 'Target' }), note: z.string() })).meta({ title: 'KPI' }),
});

describe('field labels', () => {
  it('reads the title a schema gives a field, through optional and list wrappers', () => {
    expect(labelAt(schema, ['dueDate'])).toBe('Due date');
    expect(labelAt(schema, ['targets', 1, 'target'])).toBe('KPI 2: Target');
    expect(labelAt(schema, ['targets', 0, 'note'])).toBe('KPI 1: Note');
  });

  it('turns a key with no title into words', () => {
    expect(labelAt(schema, ['ownerId'])).toBe('Owner');
    expect(humanise('raisedInMeetingId')).toBe('Raised in meeting');
  });

  it('throws a ValidationError whose problems keep the key and add the label, and whose message uses the label', () => {
    try {
      parseLabelled(schema, { dueDate: 3, targets: [] }, 'action');
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
      const v = e as { problems: { field: string; label?: string }[]; message: string };
      expect(v.problems.map((p) => [p.field, p.label])).toEqual([
        ['dueDate', 'Due date'],
        ['ownerId', 'Owner'],
      ]);
      expect(v.message).toMatch(/^Invalid action: Due date: .*; Owner: /);
    }
  });
});
