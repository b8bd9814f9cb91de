import { belowGoodReasons, type Academy } from './academy';
import { GRADE_LABELS } from './grades';
import { DEFAULT_BELOW_GOOD, inWords, latestGrade, latestInspection, matchInWords, ruleMatch, UNDATED } from './inspections';
import { agreedSlots, agreedWords, templateSlots } from './agreed-meetings';
import type { CadenceRule, Condition, ImprovementModel, Slot, Stage, When } from './models/improvement-model.schema';
import { placeFacets, type PlaceFacts } from './place-conditions';

/** What the model's conditions read of an academy: its stage and flags, and its latest inspection and own view. */
type AcademyFacts = Pick<Academy, 'ofstedGrade' | 'selfEvaluatedGrade' | 'supportStage' | 'sponsored' | 'inOfstedWindow' | 'requests'> &
  Partial<Pick<Academy, 'ofstedDate' | 'inspections' | 'selfEvaluation' | 'agreedMeetings'>> &
  PlaceFacts;

/** The parts of a model a condition needs: how it reads report cards, and names for its stages and meetings in reasons. */
type Reading = Partial<Pick<ImprovementModel, 'reportCards' | 'stages' | 'meetingKinds' | 'escalation' | 'riskBands'>>;

/** One facet of a condition: whether it holds, and (only when asked) why, in words. */
interface Facet {
  holds: () => boolean;
  words: () => string;
}

/** "iAIMs" for a meeting kind the model has, else the request as written. */
const requestWords = (requested: string, model: Reading): string => {
  const kind = model.meetingKinds?.find((k) => k.id === requested);
  return kind ? `${kind.abbreviation}s` : `“${requested}”`;
};

function facetsOf(c: Condition, a: AcademyFacts, model: Reading): Facet[] {
  const belowGood = model.reportCards?.belowGood ?? DEFAULT_BELOW_GOOD;
  const facets: Facet[] = [];
  if (c.ofstedGrades !== undefined) {
    const grades = c.ofstedGrades;
    facets.push({
      holds: () => {
        const g = latestGrade(a);
        return g !== undefined && grades.includes(g);
      },
      words: () => {
        const g = latestGrade(a)!;
        const latest = latestInspection(a);
        return g === 'not-inspected'
          ? 'it has not been inspected yet'
          : `its last inspection${latest && latest.date !== UNDATED ? ` (${inWords(latest.date)})` : ''} was ${GRADE_LABELS[g]}`;
      },
    });
  }
  if (c.belowGood !== undefined) {
    const want = c.belowGood;
    facets.push({
      holds: () => belowGoodReasons(a, belowGood).length > 0 === want,
      words: () => (want ? belowGoodReasons(a, belowGood).join(', and ') : 'it is not below Good by inspection or self-evaluation'),
    });
  }
  if (c.reportCard !== undefined) {
    const rule = c.reportCard;
    facets.push({
      holds: () => {
        const latest = latestInspection(a);
        return latest?.kind === 'report-card' && ruleMatch(rule, latest) !== undefined;
      },
      words: () => {
        const latest = latestInspection(a);
        return latest?.kind === 'report-card'
          ? `its report card of ${inWords(latest.date)} has ${matchInWords(ruleMatch(rule, latest)!)}`
          : '';
      },
    });
  }
  if (c.stages !== undefined) {
    const stages = c.stages;
    facets.push({
      holds: () => stages.includes(a.supportStage),
      words: () => {
        const stage = model.stages?.find((s) => s.id === a.supportStage);
        // Why the trust's stage was suggested, when the suggestion still holds: the stage alone says little.
        const suggested = stage?.suggestWhen ? whenReasons(stage.suggestWhen, { ...a, supportStage: '' }, model) : undefined;
        return `the trust has put it in the “${stage?.label ?? a.supportStage}” stage${suggested ? ` (suggested because ${suggested})` : ''}`;
      },
    });
  }
  if (c.sponsored !== undefined) {
    const want = c.sponsored;
    facets.push({ holds: () => a.sponsored === want, words: () => (want ? 'it is a sponsored academy' : 'it is not a sponsored academy') });
  }
  if (c.inOfstedWindow !== undefined) {
    const want = c.inOfstedWindow;
    facets.push({
      holds: () => a.inOfstedWindow === want,
      words: () => (want ? 'it is in an Ofsted window' : 'it is not in an Ofsted window'),
    });
  }
  facets.push(...placeFacets(c, a, model));
  if (c.requested !== undefined) {
    const r = c.requested;
    facets.push({ holds: () => a.requests.includes(r), words: () => `it asked for ${requestWords(r, model)}` });
  }
  if (c.notRequested !== undefined) {
    const r = c.notRequested;
    facets.push({ holds: () => !a.requests.includes(r), words: () => `it has not asked for ${requestWords(r, model)}` });
  }
  return facets;
}

const conditionHolds = (c: Condition, a: AcademyFacts, model: Reading): boolean => facetsOf(c, a, model).every((f) => f.holds());

/** Why a condition holds, one phrase per facet ("its report card of … has …"), or undefined when it does not hold. */
export function conditionReasons(c: Condition, a: AcademyFacts, model: Reading = {}): string[] | undefined {
  const facets = facetsOf(c, a, model);
  return facets.every((f) => f.holds()) ? facets.map((f) => f.words()).filter((w) => w !== '') : undefined;
}

/** Why a `when` holds, from the first of its conditions that does; undefined when none does (or there is no `when`). */
export function whenReasons(when: When | undefined, a: AcademyFacts, model: Reading = {}): string | undefined {
  for (const c of when?.anyOf ?? []) {
    const r = conditionReasons(c, a, model);
    if (r) return r.join(' and ') || undefined;
  }
  return undefined;
}

/**
 * Whether a rule's `when` holds for an academy; no `when` holds for every academy. Report cards are
 * read as the model says (`reportCards.belowGood`); without a model, by the default reading.
 */
export const appliesTo = (when: When | undefined, a: AcademyFacts, model: Reading = {}): boolean =>
  when === undefined || when.anyOf.some((c) => conditionHolds(c, a, model));

/** The stage the model suggests for an academy; the trust confirms or overrides it each September. */
export function suggestStage(model: ImprovementModel, a: Omit<AcademyFacts, 'supportStage'>): Stage {
  const facts = { ...a, supportStage: '' };
  return (
    model.stages.find((s) => s.suggestWhen && appliesTo(s.suggestWhen, facts, model)) ??
    model.stages.find((s) => !s.suggestWhen) ??
    model.stages[model.stages.length - 1]!
  );
}

/**
 * The cadence rules that set an academy's meetings: for each meeting kind, of the rules that apply
 * and are not replaced by another that applies, the most demanding ("at least six" beats "at least
 * four"); between equally demanding rules, the one the model lists first.
 */
export function rulesFor(model: ImprovementModel, a: AcademyFacts): CadenceRule[] {
  // A rule placed relative to the academy's own date applies only in the year that date falls in.
  const applying = model.cadence.filter((r) => appliesTo(r.when, a, model) && (!r.relativeTo || (a.dateSlots?.[r.id]?.length ?? 0) > 0));
  const replaced = new Set(applying.flatMap((r) => r.replaces));
  const byKind = new Map<string, CadenceRule>();
  for (const r of applying) {
    if (replaced.has(r.id)) continue;
    const best = byKind.get(r.meetingKind);
    if (!best || r.slots.length > best.slots.length) byKind.set(r.meetingKind, r);
  }
  return [...byKind.values()];
}

/** Why an academy has the meetings it has: one line per meeting kind, as the bot and the tab say it. */
export interface CadenceReason {
  meetingKind: string;
  abbreviation: string;
  /** Meetings of this kind this year. */
  count: number;
  ruleId: string;
  /** The rule's own label, e.g. "An iAIM each term between AIMs: below Good …". */
  rule: string;
  /** Why the rule applies to this academy, when it does not apply to every one. */
  because?: string;
  /** "3 iAIMs a year because its report card of 12 January 2026 has leadership and governance at needs attention". */
  text: string;
}

const lowerFirst = (s: string): string => (/^[A-Z](?![A-Z])/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * "3 iAIMs", "2 trust inspections", "1 “Priorities for the year” meeting": an acronym as the trust
 * writes it (AIM, ASER, QA review), else the kind's name as words.
 */
function meetingsInWords(n: number, kind: { name: string; abbreviation: string } | undefined, fallback: string): string {
  const s = n === 1 ? '' : 's';
  if (!kind) return `${n} “${fallback}” meeting${s}`;
  if (/[A-Z].*[A-Z]/.test(kind.abbreviation)) return `${n} ${kind.abbreviation}${s}`;
  if (/(review|inspection|meeting|visit)$/i.test(kind.name)) return `${n} ${lowerFirst(kind.name)}${s}`;
  return `${n} “${kind.name}” meeting${s}`;
}

/** The meetings the model gives an academy, each kind with the rule that sets it and why that rule applies. */
export function cadenceReasons(model: ImprovementModel, a: AcademyFacts): CadenceReason[] {
  const byModel = rulesFor(model, a);
  return rulesWithAgreed(model, a).map(({ rule, slots, agreed }) => {
    const kind = model.meetingKinds.find((k) => k.id === rule.meetingKind);
    const abbreviation = kind?.abbreviation ?? rule.meetingKind;
    const count = slots.length;
    const head = `${meetingsInWords(count, kind, rule.meetingKind)} a year`;
    if (agreed) {
      const because = agreedWords(count, byModel.includes(rule) ? rule.slots.length : 0);
      return {
        meetingKind: rule.meetingKind,
        abbreviation,
        count,
        ruleId: rule.id,
        rule: rule.label,
        because,
        text: `${head}, ${because}`,
      };
    }
    const because = rule.when ? whenReasons(rule.when, a, model) : undefined;
    return {
      meetingKind: rule.meetingKind,
      abbreviation,
      count,
      ruleId: rule.id,
      rule: rule.label,
      ...(because ? { because } : {}),
      text: because ? `${head} because ${because}` : `${head}: ${lowerFirst(rule.label)}`,
    };
  });
}

/** One meeting an academy must have this year, before it has a date. */
export interface MeetingRequirement {
  academyId: string;
  kind: string;
  ruleId: string;
  reason: string;
  slot: Slot;
  /** 1-based position among this kind's meetings for the year. */
  occurrence: number;
  days: number;
}

/**
 * The rules that set an academy's meetings with the slots each gives it: the model's, or the number
 * agreed with the academy (`agreedMeetings`), which may also give a kind no rule gives it, shaped
 * like the model's fullest rule for that kind. An agreed 0 leaves the kind out.
 */
export function rulesWithAgreed(model: ImprovementModel, a: AcademyFacts): { rule: CadenceRule; slots: Slot[]; agreed: boolean }[] {
  const agreed = a.agreedMeetings ?? {};
  const out = rulesFor(model, a).map((rule) => {
    const n = agreed[rule.meetingKind];
    const own = rule.relativeTo ? (a.dateSlots?.[rule.id] ?? []) : rule.slots;
    return n === undefined ? { rule, slots: [...own], agreed: false } : { rule, slots: agreedSlots(own, n), agreed: true };
  });
  for (const [kind, n] of Object.entries(agreed)) {
    if (n === 0 || out.some((o) => o.rule.meetingKind === kind)) continue;
    const rule = model.cadence.find((r) => r.meetingKind === kind);
    if (rule) out.push({ rule, slots: agreedSlots(templateSlots(model, kind), n), agreed: true });
  }
  return out.filter((o) => o.slots.length > 0);
}

/** Every meeting the model asks of an academy in a year, or agreed with it, in half-term order. */
export function requiredMeetings(model: ImprovementModel, a: AcademyFacts & { id: string }): MeetingRequirement[] {
  const out: MeetingRequirement[] = [];
  // The model's own rules, read again only when something was agreed (the planner asks this of every academy).
  const byModel = a.agreedMeetings ? rulesFor(model, a) : [];
  for (const { rule, slots, agreed } of rulesWithAgreed(model, a)) {
    const kind = model.meetingKinds.find((k) => k.id === rule.meetingKind)!;
    const modelCount = byModel.includes(rule) ? rule.slots.length : 0;
    [...slots]
      .sort((x, y) => x.halfTerm - y.halfTerm)
      .forEach((slot, i) =>
        out.push({
          academyId: a.id,
          kind: kind.id,
          ruleId: rule.id,
          reason: agreed ? `${rule.label}; ${agreedWords(slots.length, modelCount)}` : rule.label,
          slot,
          occurrence: i + 1,
          days: slot.days ?? kind.days,
        }),
      );
  }
  return out.sort((x, y) => x.slot.halfTerm - y.slot.halfTerm || x.kind.localeCompare(y.kind));
}
