import type { Academy } from '../../domain/academy';
import { modelCounts, requestOptions, type RequestOption } from '../../domain/academy-arrangements';
import { cadenceReasons, type CadenceReason } from '../../domain/cadence';
import { GRADE_LABELS, gradeSchema } from '../../domain/grades';
import type { ImprovementModel } from '../../domain/models/improvement-model.schema';
import type { Person } from '../../domain/people';
import { canPlanMeetings } from '../../domain/permissions';
import type { Stored } from '../../ports/record-store.port';

export interface ArrangementsView {
  academyId: string;
  name: string;
  version: string;
  requests: string[];
  options: RequestOption[];
  /** The kinds of meeting a number can be agreed for, with the model's number for this academy. */
  kinds: { id: string; abbreviation: string; name: string; modelCount: number; agreed?: number }[];
  selfEvaluatedGrade?: { grade: string; label: string };
  selfEvaluatedOn?: string;
  /** Set area by area at a meeting, it stands in place of the single grade. */
  hasAreaSelfEvaluation: boolean;
  grades: { id: string; label: string }[];
  lastSet?: { reason: string; setBy: string; setAt: string };
  cadence: CadenceReason[];
  can: { set: boolean };
}

/** An academy's arrangements as anyone who may see the academy reads them, each field named; `can.set` for the trust team. */
export function arrangementsView(viewer: Person, academy: Stored<Academy>, model: ImprovementModel): ArrangementsView {
  const counts = modelCounts(model, academy);
  return {
    academyId: academy.id,
    name: academy.name,
    version: academy.version,
    requests: [...academy.requests],
    options: requestOptions(model),
    kinds: model.meetingKinds
      .filter((k) => model.cadence.some((r) => r.meetingKind === k.id))
      .map((k) => ({
        id: k.id,
        abbreviation: k.abbreviation,
        name: k.name,
        modelCount: counts[k.id] ?? 0,
        ...(academy.agreedMeetings?.[k.id] !== undefined ? { agreed: academy.agreedMeetings[k.id] } : {}),
      })),
    ...(academy.selfEvaluatedGrade
      ? { selfEvaluatedGrade: { grade: academy.selfEvaluatedGrade, label: GRADE_LABELS[academy.selfEvaluatedGrade] } }
      : {}),
    ...(academy.selfEvaluatedOn ? { selfEvaluatedOn: academy.selfEvaluatedOn } : {}),
    hasAreaSelfEvaluation: academy.selfEvaluation !== undefined,
    grades: gradeSchema.options.map((g) => ({ id: g, label: GRADE_LABELS[g] })),
    ...(academy.arrangements ? { lastSet: { ...academy.arrangements } } : {}),
    cadence: cadenceReasons(model, academy),
    can: { set: canPlanMeetings(viewer) },
  };
}
