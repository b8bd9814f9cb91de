import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarInput, describeCalendarContract } from '../../../test/contracts/calendar.contract';
import { createIcsCalendar } from './ics-calendar';

const joinUrlFor = (id: string) => `http://localhost:3978/tab/#/meetings/${id}`;

describeCalendarContract('local .ics files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ics-contract-'));
  return { calendar: createIcsCalendar({ dir, joinUrlFor }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('the local .ics calendar', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ics-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an invitation file, and a cancellation with a higher sequence when cancelled', async () => {
    const cal = createIcsCalendar({ dir, joinUrlFor });
    await cal.schedule(calendarInput());
    const invite = readFileSync(join(dir, 'meeting-aim-oakfield-autumn.ics'), 'utf8');
    expect(invite).toContain('METHOD:REQUEST');
    expect(invite).toContain('DTSTART:20261202T093000Z');
    expect(invite).toContain('SEQUENCE:0');
    await cal.cancel('meeting-aim-oakfield-autumn', 'Postponed');
    const cancel = readFileSync(join(dir, 'meeting-aim-oakfield-autumn.ics'), 'utf8');
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('STATUS:CANCELLED');
    expect(cancel).toContain('SEQUENCE:1');
  });

  it('gives each person a feed of only their own meetings', async () => {
    const cal = createIcsCalendar({ dir, joinUrlFor });
    await cal.schedule(calendarInput());
    await cal.schedule(
      calendarInput({
        meetingId: 'other',
        subject: 'AIM: Brook Lane Academy',
        attendees: [{ email: 'daniel.hughes@trust.example', name: 'Daniel Hughes', required: true }],
      }),
    );
    const feed = cal.feedFor('Rachel.Adeyemi@trust.example');
    expect(feed).toContain('SUMMARY:AIM: Oakfield Primary Academy');
    expect(feed).not.toContain('Brook Lane');
    expect(cal.feedFor('graham.fielding@trust.example').match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(cal.feedFor('nobody@trust.example')).toContain('BEGIN:VCALENDAR');
  });

  it('keeps its events across a restart', async () => {
    await createIcsCalendar({ dir, joinUrlFor }).schedule(calendarInput());
    expect((await createIcsCalendar({ dir, joinUrlFor }).get('meeting-aim-oakfield-autumn'))?.status).toBe('scheduled');
  });
});
