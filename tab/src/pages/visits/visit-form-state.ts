import type { Grade } from '../../api/api-types';
import type { MonitoringVisit } from './visit-types';

/** The form as typed: text fields as strings, feedback one point a line, a grade per judgement area ('' for none). */
export interface VisitFormState {
  activity: string;
  date: string;
  startTime: string;
  endTime: string;
  meetingId: string;
  focus: string;
  yearClass: string;
  subject: string;
  numberInClass: string;
  notes: string;
  whatWentWell: string;
  evenBetterIf: string;
  areaOfExcellence: string;
  judgements: Record<string, Grade | ''>;
}

const nowTime = (): string => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(Math.floor(d.getMinutes() / 5) * 5)}`;
};
const laterBy = (time: string, minutes: number): string => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 55);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** A new form: today, from about now for an hour, the first activity on the trust's form. */
export function newVisitForm(today: string, activities: readonly string[], meetingId?: string): VisitFormState {
  const start = nowTime();
  return {
    activity: activities[0] ?? '',
    date: today,
    startTime: start,
    endTime: laterBy(start, 60),
    meetingId: meetingId ?? '',
    focus: '',
    yearClass: '',
    subject: '',
    numberInClass: '',
    notes: '',
    whatWentWell: '',
    evenBetterIf: '',
    areaOfExcellence: '',
    judgements: {},
  };
}

/** A saved visit back in the form. */
export const visitForm = (v: MonitoringVisit): VisitFormState => ({
  activity: v.activity,
  date: v.date,
  startTime: v.startTime,
  endTime: v.endTime,
  meetingId: v.meetingId ?? '',
  focus: v.focus,
  yearClass: v.yearClass ?? '',
  subject: v.subject ?? '',
  numberInClass: v.numberInClass === undefined ? '' : String(v.numberInClass),
  notes: v.notes,
  whatWentWell: v.whatWentWell.join('\n'),
  evenBetterIf: v.evenBetterIf.join('\n'),
  areaOfExcellence: v.areaOfExcellence ?? '',
  judgements: { ...v.judgements },
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The request body `recordMonitoringVisit` takes (the server checks every field and names any it refuses). */
export function visitBody(academyId: string, f: VisitFormState): Record<string, unknown> {
  const n = f.numberInClass.trim();
  return {
    academyId,
    activity: f.activity,
    date: f.date,
    startTime: f.startTime,
    endTime: f.endTime,
    ...(f.meetingId ? { meetingId: f.meetingId } : {}),
    focus: f.focus,
    ...(f.yearClass.trim() ? { yearClass: f.yearClass } : {}),
    ...(f.subject.trim() ? { subject: f.subject } : {}),
    ...(n ? { numberInClass: Number(n) } : {}),
    notes: f.notes,
    whatWentWell: lines(f.whatWentWell),
    evenBetterIf: lines(f.evenBetterIf),
    ...(f.areaOfExcellence.trim() ? { areaOfExcellence: f.areaOfExcellence } : {}),
    judgements: Object.fromEntries(Object.entries(f.judgements).filter(([, g]) => g !== '')),
  };
}
