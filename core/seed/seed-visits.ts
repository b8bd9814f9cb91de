import { londonToUtc } from '../domain/london-time';
import type { LocalDate } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { MonitoringForm } from '../domain/monitoring-form';
import type { Academy } from '../domain/academy';
import type { RecordStore, Stored } from '../ports/record-store.port';
import type { SchoolDays } from './school-days';

/**
 * A few monitoring visits (issue 16): Brook Lane's director's learning walk the school day before
 * its last AIM, submitted and linked to it (DSAT: the monitoring "typically undertaken the day
 * before the AIM"); a headteacher consultant's lesson observation at Hill Top, submitted; and the
 * director's half-filled draft for Northgate's next meeting, waiting to be finished.
 */
export async function seedVisits(input: {
  store: RecordStore;
  model: ImprovementModel;
  schoolDays: SchoolDays;
  academies: readonly Stored<Academy>[];
  meetings: readonly Stored<Meeting>[];
  academicYear: string;
  today: LocalDate;
}): Promise<void> {
  const { store, model, schoolDays, academies, meetings, academicYear, today } = input;
  const form = model.monitoringForm;
  const activity = (wanted: string) => form.activities.find((a) => a.toLowerCase() === wanted.toLowerCase()) ?? form.activities[0]!;
  const area = form.judgementAreas[0]!.id;
  const directorOf = (academyId: string) => academies.find((a) => a.id === academyId)?.improvementDirectorId;
  const ofAcademy = (academyId: string) => meetings.filter((m) => m.academyId === academyId).sort((a, b) => a.date.localeCompare(b.date));
  const lastHeld = (academyId: string) =>
    ofAcademy(academyId)
      .filter((m) => m.status === 'held')
      .at(-1);
  const nextPlanned = (academyId: string) => ofAcademy(academyId).find((m) => m.status === 'planned');
  const at = (day: LocalDate, time: string) => londonToUtc(day, time);

  const visits: { key: string; visit: Omit<MonitoringForm, 'id'> }[] = [];
  const brookLane = lastHeld('brook-lane');
  const brookLaneDirector = directorOf('brook-lane');
  if (brookLane && brookLaneDirector) {
    const day = schoolDays.before(brookLane.date);
    visits.push({
      key: 'brook-lane-learning-walk',
      visit: {
        academyId: 'brook-lane',
        meetingId: brookLane.id,
        observerId: brookLaneDirector,
        observerRole: 'Improvement Director',
        startsAt: at(day, '09:00'),
        endsAt: at(day, '10:00'),
        activity: activity('Learning walk'),
        focus: 'KS3 reading: guided reading in English lessons',
        yearClass: 'Year 7',
        subject: 'English',
        notes: 'Walked with the head through six Year 7 English lessons and looked at reading logs.',
        whatWentWell: ['Guided reading groups in every lesson seen', 'Pupils could name their current reading book'],
        evenBetterIf: ['Questioning that checks inference, not only recall', 'Reading logs checked weekly by form tutors'],
        judgements: { [area]: 'requires-improvement' },
        status: 'submitted',
        submittedAt: at(day, '16:00'),
        updatedAt: at(day, '16:00'),
      },
    });
  }
  const hillTop = lastHeld('hill-top');
  if (hillTop) {
    const day = schoolDays.before(hillTop.date, 3);
    visits.push({
      key: 'hill-top-lesson-observation',
      visit: {
        academyId: 'hill-top',
        observerId: 'consultant-chris',
        observerRole: 'Headteacher Consultant',
        startsAt: at(day, '10:45'),
        endsAt: at(day, '11:30'),
        activity: activity('Lesson observation'),
        focus: 'Behaviour for learning in Year 9 science',
        yearClass: '9B',
        subject: 'Science',
        numberInClass: 27,
        notes: '',
        whatWentWell: ['Calm start: routines followed without reminders'],
        evenBetterIf: ['Low-level chatter during practical work addressed sooner'],
        areaOfExcellence: 'Seating plan shared by the head of science',
        judgements: {},
        status: 'submitted',
        submittedAt: at(day, '15:30'),
        updatedAt: at(day, '15:30'),
      },
    });
  }
  const northgate = nextPlanned('northgate');
  const northgateDirector = directorOf('northgate');
  if (northgate && northgateDirector) {
    const day = schoolDays.onOrBefore(today);
    visits.push({
      key: 'northgate-work-scrutiny-draft',
      visit: {
        academyId: 'northgate',
        meetingId: northgate.id,
        observerId: northgateDirector,
        observerRole: 'Improvement Director',
        startsAt: at(day, '13:30'),
        endsAt: at(day, '14:30'),
        activity: activity('Work analysis'),
        focus: '',
        subject: 'Maths',
        notes: 'Year 5 and 6 books: mastery sequence visible in most.',
        whatWentWell: ['Worked examples at the start of each sequence'],
        evenBetterIf: [],
        judgements: {},
        status: 'draft',
        updatedAt: at(day, '14:35'),
      },
    });
  }
  for (const { key, visit } of visits) await store.monitoringForms.create(visit, { idempotencyKey: `seed:visit:${academicYear}:${key}` });
}
