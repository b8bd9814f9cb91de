import type { z } from 'zod';
import type { ActionItem } from '../../../core/domain/action-item';
import type { Intervention } from '../../../core/domain/intervention';
import type { Meeting } from '../../../core/domain/meeting';
import type { MonitoringForm } from '../../../core/domain/monitoring-form';
import type { Person } from '../../../core/domain/people';
import type { SupportDay } from '../../../core/domain/support-days';
import { type Stored } from '../../../core/ports/record-store.port';
import { verbSchemas, type Verb } from '../../../bot/cards/verbs';
import { API_ROUTES } from '../../../functions/api/routes';
import type { RunningStack } from '../local-stack';
import { writesEverywhere } from './leak-markers';

/**
 * How the leak matrix calls each route (functions/api/routes.ts) and card verb (bot/cards/verbs.ts):
 * its targets, every academy's records in the path, the query or the card's data, and for a write a
 * body with the record's current version, so only authorisation stands between a person and the
 * record. A parameter, query field, verb field or write these tables do not know is returned as a
 * problem naming the route or verb, so a new one is called or the matrix fails.
 */
export interface MatrixWorld {
  stack: RunningStack;
  today: string;
  people: Map<string, Stored<Person>>;
  academyIds: string[];
  /** Per academy: its last AIM held (with draft notes and apologies) and its next meeting planned. */
  meetings: Stored<Meeting>[];
  /** Per academy: its first action, where it has one. */
  actions: Stored<ActionItem>[];
  /** Per academy: its first intervention, where it has one. */
  interventions: Stored<Intervention>[];
  /** Per academy: its first support day, where it has one. */
  supportDays?: Stored<SupportDay>[];
  /** Every monitoring visit: submitted ones, and drafts only their observer may read. */
  monitoringVisits?: Stored<MonitoringForm>[];
  /** The board packs generated so far (a pack covers every academy: the trust's readers only). */
  boardPacks?: { id: string }[];
}

/** The API as the tab calls it; a download's bytes come back as text, so they are scanned too. */
export async function callApi(
  base: string,
  method: string,
  path: string,
  as: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-person': as },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** The first weekday at least `days` after `date` (a new due date, a meeting moved). */
export const weekdayAfter = (date: string, days: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** One request of a route or verb: the path (or verb) filled in, and the record it is about. */
export interface Target {
  path: string;
  /** The academy whose record the request is about; none for the trust's own settings. */
  academyId?: string;
  meeting?: Stored<Meeting>;
  action?: Stored<ActionItem>;
  intervention?: Stored<Intervention>;
  requirementId?: string;
  /** Ids the request itself carries: a refusal may repeat them without leaking anything. */
  echoed: string[];
}

/** The paper of a meeting the matrix acts on: a head's paper not yet in, where there is one. */
export const requirementOf = (m: Meeting): string =>
  (m.papers.find((p) => !p.submittedAt && p.ownerRole === 'head') ?? m.papers[0])?.requirementId ?? 'heads-report';
/** The paper file the matrix puts in each planned meeting's folder. */
export const paperFileOf = (m: Pick<Meeting, 'academyId'>): string => `report-${m.academyId}.txt`;

/** A write's body for one target, sent by `who`. */
export type Body = (t: Target, who: string) => Promise<unknown>;
/** Someone else the model lets make this write (beyond those with a role at the academy and the trust's write roles). */
export type AlsoBy = (viewer: Stored<Person>, t: Target) => Promise<boolean>;

/** A route or a card verb with every target the matrix calls it on. */
export interface Request {
  kind: 'api' | 'card';
  label: string;
  write: boolean;
  self?: boolean;
  alsoBy?: AlsoBy;
  targets: Target[];
  body?: Body;
  verb?: Verb;
}

/** The requests of every route and verb, over the world's records. */
export function matrixRequests(w: MatrixWorld) {
  /** Parameters that name something of the meeting the path already chose. */
  const MEETING_PARAMS: Record<string, (m: Meeting) => string> = { ':requirementId': requirementOf, ':name': paperFileOf };

  /** Each path parameter, by the segment before it, and the records it is filled with. */
  const PARAMS: Record<string, () => { value: string; target: Omit<Target, 'path'> }[]> = {
    'academies/:id': () => w.academyIds.map((id) => ({ value: id, target: { academyId: id, echoed: [id] } })),
    'meetings/:id': () => w.meetings.map((m) => ({ value: m.id, target: { academyId: m.academyId, meeting: m, echoed: [m.id] } })),
    'actions/:id': () => w.actions.map((a) => ({ value: a.id, target: { academyId: a.academyId, action: a, echoed: [a.id] } })),
    'interventions/:id': () =>
      w.interventions.map((x) => ({ value: x.id, target: { academyId: x.academyId, intervention: x, echoed: [x.id] } })),
    'people/:id': () => w.academyIds.map((id) => ({ value: `head-${id}`, target: { echoed: [`head-${id}`] } })),
    'support-days/:id': () => (w.supportDays ?? []).map((d) => ({ value: d.id, target: { academyId: d.academyId, echoed: [d.id] } })),
    'closures/:id': () => [{ value: 'no-such-closure', target: { echoed: ['no-such-closure'] } }],
    'monitoring-visits/:id': () =>
      w.monitoringVisits?.length
        ? w.monitoringVisits.map((v) => ({ value: v.id, target: { academyId: v.academyId, echoed: [v.id] } }))
        : [{ value: 'no-such-visit', target: { echoed: ['no-such-visit'] } }],
    'board-packs/:id': () =>
      (w.boardPacks?.length ? w.boardPacks.map((p) => p.id) : ['no-such-pack']).map((id) => ({ value: id, target: { echoed: [id] } })),
    'deliveries/:key': () => [
      {
        value: encodeURIComponent('paper-deadline|m1@2026-11-26|head-brook-lane'),
        target: { echoed: ['paper-deadline|m1@2026-11-26|head-brook-lane'] },
      },
    ],
    'history/:kind/:id': () => [
      ...w.meetings.map((m) => ({ value: `meetings/${m.id}`, target: { academyId: m.academyId, echoed: [m.id] } })),
      ...w.actions.map((a) => ({ value: `actions/${a.id}`, target: { academyId: a.academyId, echoed: [a.id] } })),
      ...w.academyIds.map((id) => ({ value: `academies/${id}`, target: { academyId: id, echoed: [id] } })),
      ...(w.monitoringVisits ?? []).map((v) => ({ value: `monitoringForms/${v.id}`, target: { academyId: v.academyId, echoed: [v.id] } })),
      ...w.academyIds.map((id) => ({ value: `people/head-${id}`, target: { echoed: [`head-${id}`] } })),
      { value: 'trust/meadowbank', target: { echoed: ['meadowbank'] } },
    ],
  };

  /** The request's targets; a parameter this table does not know is a problem naming the route. */
  function targetsOf(method: string, pattern: string): Target[] | string {
    const segments = pattern.split('/').slice(1);
    let targets: Target[] = [{ path: '', echoed: [] }];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (!seg.startsWith(':')) {
        targets = targets.map((t) => ({ ...t, path: `${t.path}/${seg}` }));
      } else if (MEETING_PARAMS[seg]) {
        if (targets.some((t) => !t.meeting)) return `${method} ${pattern}: ${seg} without a meeting`;
        const of = MEETING_PARAMS[seg];
        targets = targets.map((t) => ({
          ...t,
          path: `${t.path}/${of(t.meeting!)}`,
          ...(seg === ':requirementId' ? { requirementId: of(t.meeting!) } : {}),
          echoed: [...t.echoed, of(t.meeting!)],
        }));
      } else {
        // `history/:kind/:id` is filled as one (a kind and a record of that kind).
        const key = seg === ':kind' ? `${segments[i - 1]}/:kind/${segments[++i]}` : `${segments[i - 1]}/${seg}`;
        const fill = PARAMS[key];
        if (!fill) return `${method} ${pattern}: the matrix has no records for "${key}" (add it to PARAMS)`;
        targets = targets.flatMap((t) =>
          fill().map(({ value, target }) => ({ ...t, ...target, echoed: [...t.echoed, ...target.echoed], path: `${t.path}/${value}` })),
        );
      }
    }
    return targets;
  }

  const store = () => w.stack.local.store;
  const meetingVersion = async (t: Target) => (await store().meetings.get(t.meeting!.id))?.version ?? '1';
  const paperOf = (t: Target) => t.meeting!.papers.find((p) => p.requirementId === t.requirementId);

  /**
   * Who else the model lets move an academy up its escalation ladder: each step names who moves it
   * (Waterton: "the board changes its status to be managed as sponsored"), so the board may take the last step.
   */
  const movesNextStep: AlsoBy = async (viewer, t) => {
    const model = (await store().trust.get())!.model;
    const ladder = (await callApi(w.stack.base, 'GET', `/api/academies/${t.academyId}/improvement`, 'ceo')).body?.ladder;
    const next = model.escalation.steps[ladder?.position?.step ?? 0];
    return next !== undefined && viewer.roles.some((r) => next.movedBy.includes(r.role) && r.academyId === undefined);
  };

  /** Every write route's body: real, current versions, so only authorisation stands between a person and the record. */
  const WRITES: Record<
    string,
    {
      perAcademy?: boolean;
      /** The person's own settings: anyone may write them, for themselves. */ self?: boolean;
      alsoBy?: AlsoBy;
      body: Body;
    }
  > = {
    'POST /api/my-work/calendar-feed/reset': { self: true, body: async () => ({}) },
    'PUT /api/me/messages': {
      self: true,
      body: async (_t, who) => ({ off: [], version: (await callApi(w.stack.base, 'GET', '/api/me/messages', who)).body.version }),
    },
    'POST /api/planner/plan': { body: async () => ({ academicYear: '2026/27' }) },
    'POST /api/meetings/:id/move': { body: async (t) => ({ date: weekdayAfter(t.meeting!.date, 7), version: await meetingVersion(t) }) },
    'POST /api/meetings/:id/judgements': {
      body: async (t) => ({
        area: 'leadership-and-governance',
        evidence: 'Matrix evidence',
        reportCardGrade: 'expected-standard',
        version: await meetingVersion(t),
      }),
    },
    'PUT /api/meetings/:id/notes': { body: async (t) => ({ text: 'Notes rewritten by the matrix', version: await meetingVersion(t) }) },
    // Changes asked for, never approved: the drafts stay drafts for everyone who comes later.
    'POST /api/meetings/:id/notes/approval': {
      body: async (t) => ({ approve: false, comment: 'Please add the KPI table', version: await meetingVersion(t) }),
    },
    'POST /api/meetings/:id/papers/:requirementId/submit': {
      body: async (t) => ({ link: 'https://example.org/papers/matrix.docx', version: await meetingVersion(t) }),
    },
    'POST /api/meetings/:id/papers/:requirementId/extension': {
      body: async (t) => ({
        newDueDate: weekdayAfter(paperOf(t)?.dueDate ?? w.today, 1),
        reason: 'Data drop is late',
        version: await meetingVersion(t),
      }),
    },
    'POST /api/meetings/:id/papers/:requirementId/extension/decision': {
      body: async (t) => ({ approve: false, version: await meetingVersion(t) }),
    },
    'POST /api/meetings/:id/attendance': {
      body: async (t) => ({
        personId: t.meeting!.attendees[1]?.personId ?? 'ceo',
        attendance: 'attended',
        version: await meetingVersion(t),
      }),
    },
    'POST /api/meetings/:id/apologies': { body: async (t) => ({ reason: 'Away on a course', version: await meetingVersion(t) }) },
    'POST /api/meetings/:id/papers/:requirementId/file': {
      body: async (t) => ({
        fileName: 'matrix.txt',
        contentBase64: Buffer.from('Matrix upload').toString('base64'),
        version: await meetingVersion(t),
      }),
    },
    // The file route is asked with a JSON body and no file: authorisation (403) comes first, then the missing file (400), so nothing is written.
    'PUT /api/meetings/:id/papers/:requirementId/file': { body: async (t) => ({ version: await meetingVersion(t) }) },
    'PUT /api/paper-limit': { body: async () => ({ paperLimitMb: 100, version: (await store().trust.get())!.version }) },
    'POST /api/actions': {
      perAcademy: true,
      body: async (t, who) => ({
        academyId: t.academyId,
        text: 'Matrix action',
        ownerId: `head-${t.academyId}`,
        dueDate: '2026-12-18',
        clientKey: `matrix-${who}-${t.academyId}`,
      }),
    },
    'PATCH /api/actions/:id': {
      body: async (t) => ({
        status: 'in-progress',
        note: 'Matrix progress',
        version: (await store().actions.get(t.action!.id))?.version ?? '1',
      }),
    },
    'PATCH /api/actions/:id/details': {
      body: async (t) => ({ text: 'Matrix: reworded action', version: (await store().actions.get(t.action!.id))?.version ?? '1' }),
    },
    'POST /api/actions/:id/withdrawal': {
      body: async (t) => ({ reason: 'Raised by mistake', version: (await store().actions.get(t.action!.id))?.version ?? '1' }),
    },
    'PUT /api/academies/:id/kpi-targets': {
      body: async () => ({ targets: [{ measure: 'Matrix measure', unit: 'percent', higherIsBetter: true, target: 60 }] }),
    },
    'POST /api/academies/:id/kpi-data-points': {
      body: async (t) => ({
        kpiId: (await store().kpiTargets.list({ academyId: t.academyId! }).toArray())[0]?.id ?? 'no-kpi',
        point: 1,
        value: 50,
      }),
    },
    'POST /api/kpi-data-points/import': { body: async () => ({ point: 1, csv: 'academy,measure,value\n', dryRun: true }) },
    'POST /api/meetings/:id/kpi-reviews': {
      body: async (t, who) => ({
        dataPointId: 'no-drop',
        found: 'Matrix finding',
        actions: [],
        clientKey: `matrix-${who}-${t.meeting!.id}`,
        version: await meetingVersion(t),
      }),
    },
    // A real move for those who may not make one; a preview for the trust's write roles, so the ladder and meetings stay as they are.
    'POST /api/academies/:id/escalation': {
      alsoBy: movesNextStep,
      body: async (t, who) => ({
        direction: 'up',
        reason: 'Matrix',
        preview: writesEverywhere(w.people.get(who)!),
        version: (await callApi(w.stack.base, 'GET', `/api/academies/${t.academyId}/improvement`, 'ceo')).body?.ladder?.version ?? '1',
      }),
    },
    'POST /api/academies/:id/interventions': {
      body: async (t, who) => ({
        kind: 'in-school',
        title: 'Matrix intervention',
        targets: ['A clear target'],
        successCriteria: ['A criterion'],
        startDate: '2026-12-01',
        endDate: '2027-03-01',
        reviewDates: ['2027-01-15'],
        leadId: `head-${t.academyId}`,
        clientKey: `matrix-${who}-${t.academyId}`,
      }),
    },
    'PATCH /api/interventions/:id': {
      body: async (t) => ({
        change: 'end-early',
        reason: 'Matrix',
        version: (await store().interventions.get(t.intervention!.id))?.version ?? '1',
      }),
    },
    'POST /api/interventions/:id/reviews': {
      body: async (t) => ({
        note: 'Matrix review',
        criteria: t.intervention!.successCriteria.map((criterion) => ({ criterion, progress: 'some-progress' })),
        version: (await store().interventions.get(t.intervention!.id))?.version ?? '1',
      }),
    },
    'POST /api/interventions/:id/impact': {
      body: async (t) => ({
        judgement: 'some',
        outcomesForPupils: 'Matrix outcomes',
        version: (await store().interventions.get(t.intervention!.id))?.version ?? '1',
      }),
    },
    // A real booking for the trust's write roles (half a development day on a school day), refused for everyone else.
    'POST /api/academies/:id/support-days': {
      body: async (t, who) => ({
        kind: 'development',
        date: '2026-12-01',
        days: 0.5,
        providerId: 'aid-graham',
        description: 'Matrix support',
        clientKey: `matrix-${who}-${t.academyId}`,
      }),
    },
    'POST /api/support-days/:id/cancellation': {
      body: async (t) => ({ version: (await store().supportDays.get(t.echoed[0]!))?.version ?? '1' }),
    },
    'PUT /api/academies/:id/improvement-budget': {
      body: async (t) => ({ budgetPence: 140000, version: (await store().academies.get(t.academyId!))?.version ?? '1' }),
    },
    'POST /api/academies/:id/inspections': {
      body: async (t) => ({
        kind: 'grade',
        date: '2025-06-11',
        grade: 'good',
        version: (await store().academies.get(t.academyId!))?.version ?? '1',
      }),
    },
    'PUT /api/academies/:id/self-evaluation': {
      body: async (t) => {
        const areas = [
          'inclusion',
          'curriculum-and-teaching',
          'achievement',
          'attendance-and-behaviour',
          'personal-development-and-wellbeing',
          'leadership-and-governance',
        ];
        const m = w.meetings.find((x) => x.academyId === t.academyId);
        return {
          meetingId: m?.id ?? 'no-meeting',
          areas: Object.fromEntries(areas.map((a) => [a, 'expected-standard'])),
          version: (await store().academies.get(t.academyId!))?.version ?? '1',
        };
      },
    },
    // The year as it stands, sent back: the trust's roles may save it, and nothing moves.
    'PUT /api/term-dates': {
      body: async () => {
        const year = (await callApi(w.stack.base, 'GET', '/api/term-dates', 'ceo')).body.years.find(
          (y: { academicYear: string }) => y.academicYear === '2027/28',
        );
        return {
          academicYear: '2027/28',
          halfTerms: year.halfTerms.map((h: { halfTerm: number; start: string; end: string }) => ({
            halfTerm: h.halfTerm,
            start: h.start,
            end: h.end,
          })),
          version: (await store().trust.get())!.version,
        };
      },
    },
    'POST /api/term-dates/import': {
      body: async () => ({ csv: 'Academic year,Term,Starts,Ends\n', dryRun: true, version: (await store().trust.get())!.version }),
    },
    'POST /api/closures': {
      perAcademy: true,
      body: async (t) => ({
        date: '2027-06-18',
        academyId: t.academyId,
        reason: 'INSET day',
        version: (await store().trust.get())!.version,
      }),
    },
    'POST /api/closures/:id/remove': { body: async () => ({ version: (await store().trust.get())!.version }) },
    'PUT /api/model': { body: async () => ({ model: (await store().trust.get())!.model, version: (await store().trust.get())!.version }) },
    'PATCH /api/admin/academies/:id': {
      body: async (t) => ({ riskBand: 'high', version: (await store().academies.get(t.academyId!))!.version }),
    },
    // Each academy's arrangements (issue 16): a preview writes nothing; the write sends them back as they are, with a reason.
    'POST /api/academies/:id/arrangements/preview': { body: async () => ({ requests: ['iaim'], reason: 'Matrix: what if it asked' }) },
    'PUT /api/academies/:id/arrangements': {
      body: async (t) => {
        const a = (await store().academies.get(t.academyId!))!;
        return { requests: a.requests, reason: 'Matrix: arrangements confirmed', version: a.version };
      },
    },
    // A new draft at each academy (no feedback yet, so it stays a draft), by those the seeds let observe there.
    'POST /api/monitoring-visits': {
      perAcademy: true,
      body: async (t, who) => ({
        academyId: t.academyId,
        activity: (await store().trust.get())!.model.monitoringForm.activities[0],
        date: '2026-11-20',
        startTime: '09:00',
        endTime: '10:30',
        notes: 'Matrix visit notes',
        clientKey: `matrix-${who}-${t.academyId}`,
      }),
    },
    // The visit as it stands: the matrix's drafts have no feedback, so even their observer's submission is refused as incomplete.
    'POST /api/monitoring-visits/:id/submission': {
      body: async (t) => ({ version: (await store().monitoringForms.get(t.echoed[0]!))?.version ?? '1' }),
    },
    // A real pack for the CEO and improvement team, into the board's papers folder; refused for everyone else.
    'POST /api/board-packs': { body: async () => ({}) },
    'PUT /api/meetings/:id/focus': { body: async (t) => ({ focus: ['inclusion'], version: await meetingVersion(t) }) },
    'POST /api/admin/people': {
      body: async (_t, who) => ({
        name: 'Matrix Person',
        email: `matrix.${who}@example.org`,
        roles: [{ role: 'governor', academyId: 'oakfield' }],
        clientKey: `matrix-${who}`,
      }),
    },
    'PATCH /api/admin/people/:id': {
      body: async (t) => ({ jobTitle: 'Headteacher', version: (await store().people.get(t.echoed[0]!))!.version }),
    },
    'POST /api/admin/import': { body: async () => ({ peopleCsv: 'name,email,role,academy\n', dryRun: true }) },
    'POST /api/admin/deliveries/:key/retry': { body: async () => ({}) },
  };

  /** A route's query parameters that choose records, each filled with every academy's (others, such as a cursor, are left out). */
  const QUERY: Record<string, () => { value: string; target: Omit<Target, 'path'> }[]> = {
    academyId: () => PARAMS['academies/:id']!(),
    meetingId: () => PARAMS['meetings/:id']!(),
    mine: () => [{ value: 'true', target: { echoed: [] } }],
  };
  const UNSELECTIVE_QUERY = new Set(['cursor', 'year', 'status', 'fileName', 'version']);

  function withQuery(route: (typeof API_ROUTES)[number], targets: Target[]): Target[] | string {
    const keys = Object.keys((route as { query?: z.ZodObject }).query?.shape ?? {}).filter((k) => !UNSELECTIVE_QUERY.has(k));
    const unknown = keys.filter((k) => !QUERY[k]);
    if (unknown.length)
      return `${route.method} ${route.pattern}: the matrix cannot fill the query's ${unknown.join(', ')} (add it to QUERY)`;
    if (keys.length === 0) return targets;
    // One parameter at a time: each is a way of choosing what to read.
    return targets.flatMap((t) =>
      keys.flatMap((k) =>
        QUERY[k]!().map(({ value, target }) => ({
          ...t,
          ...target,
          echoed: [...t.echoed, ...target.echoed],
          path: `${t.path}?${k}=${encodeURIComponent(value)}`,
        })),
      ),
    );
  }

  const routeRequests = (): (Request | string)[] =>
    API_ROUTES.map((r) => {
      const key = `${r.method} ${r.pattern}`;
      const write = r.method !== 'GET';
      const spec = WRITES[key];
      if (write && !spec) return `${key}: the matrix has no body for this write (add it to WRITES)`;
      const inPath = spec?.perAcademy
        ? w.academyIds.map((id) => ({ path: r.pattern, academyId: id, echoed: [id] }))
        : targetsOf(r.method, r.pattern);
      const targets = typeof inPath === 'string' ? inPath : withQuery(r, inPath);
      if (typeof targets === 'string') return targets;
      return {
        kind: 'api' as const,
        label: key,
        write,
        ...(spec?.self ? { self: true } : {}),
        ...(spec?.alsoBy ? { alsoBy: spec.alsoBy } : {}),
        targets,
        ...(spec ? { body: spec.body } : {}),
      };
    });

  /** Each verb's fields: the record's ids and version, and a value for the rest; a field not known here is a problem naming the verb. */
  const FIELDS: Record<string, (t: Target, verb: Verb) => Promise<unknown>> = {
    meetingId: async (t) => t.meeting!.id,
    requirementId: async (t) => t.requirementId,
    actionId: async (t) => t.action!.id,
    academyId: async (t) => t.academyId,
    version: async (t) => (t.action ? ((await store().actions.get(t.action.id))?.version ?? '1') : await meetingVersion(t)),
    newDueDate: async (t) => weekdayAfter(paperOf(t)?.dueDate ?? w.today, 1),
    reason: async () => 'Away on a course',
    decision: async (_t, verb) => (verb === 'notes.decide' ? 'changes' : 'decline'),
    comment: async () => 'Please add the KPI table',
    status: async () => 'in-progress',
    note: async () => 'Matrix progress',
  };

  const verbRequests = (): (Request | string)[] =>
    (Object.keys(verbSchemas) as Verb[]).map((verb) => {
      const shape = (verbSchemas[verb] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      const keys = Object.keys(shape);
      const unknown = keys.filter((k) => !FIELDS[k] && !shape[k]!.safeParse(undefined).success);
      if (unknown.length) return `card verb ${verb}: the matrix cannot fill ${unknown.join(', ')} (add it to FIELDS)`;
      const of = keys.includes('actionId')
        ? 'actions/:id'
        : keys.includes('meetingId')
          ? 'meetings/:id'
          : keys.includes('academyId')
            ? 'academies/:id'
            : undefined;
      if (!of) return `card verb ${verb}: no record id the matrix knows`;
      const targets = PARAMS[of]!().map(({ target }) => {
        const requirementId = keys.includes('requirementId') && target.meeting ? requirementOf(target.meeting) : undefined;
        return { path: verb, ...target, ...(requirementId ? { requirementId, echoed: [...target.echoed, requirementId] } : {}) };
      });
      return { kind: 'card' as const, label: `card ${verb}`, write: keys.includes('version'), targets, verb };
    });

  /** A card's data as its button would carry it for this record. */
  const cardData = async (verb: Verb, t: Target): Promise<Record<string, unknown>> => {
    const data: Record<string, unknown> = {};
    for (const k of Object.keys((verbSchemas[verb] as unknown as z.ZodObject).shape)) if (FIELDS[k]) data[k] = await FIELDS[k](t, verb);
    return data;
  };

  return { requests: () => [...routeRequests(), ...verbRequests()], cardData };
}
