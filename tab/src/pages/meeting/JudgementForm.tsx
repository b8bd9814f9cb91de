import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Grade } from '../../api/api-types';
import { useAppContext } from '../../app/app-context';
import { REPORT_CARD_GRADE_LABELS, REPORT_CARD_GRADES, type ReportCardGrade } from '../../../../core/domain/report-card-labels';
import { usePageStyles } from '../page.styles';
import { VisitEvidencePicker } from './VisitEvidencePicker';
import { useRoute } from '../../app/router';

const OLD_GRADES: { id: Grade; label: string }[] = [
  { id: 'outstanding', label: 'Outstanding' },
  { id: 'good', label: 'Good' },
  { id: 'requires-improvement', label: 'Requires Improvement' },
  { id: 'inadequate', label: 'Inadequate' },
];
const REPORT_CARD: { id: ReportCardGrade; label: string }[] = REPORT_CARD_GRADES.map((id) => ({ id, label: REPORT_CARD_GRADE_LABELS[id] }));
/** Both scales' words, so a past meeting's judgement reads whichever scale it was given on (issue 17). */
export const GRADES: { id: string; label: string }[] = [...OLD_GRADES, ...REPORT_CARD];

/** Record evidence and an indicative grade for one inspection area. */
export function JudgementForm(props: {
  areas: { id: string; label: string }[];
  busy: boolean;
  /** Where given, the meeting's academy's submitted monitoring visits are offered as evidence (issue 16). */
  meetingId?: string;
  onRecord: (j: {
    area: string;
    evidence: string;
    indicativeGrade?: Grade;
    reportCardGrade?: ReportCardGrade;
    evidenceVisitIds?: string[];
  }) => Promise<boolean>;
}) {
  const s = usePageStyles();
  // The scale the trust's model names for judgements at meetings.
  const onReportCard = useAppContext().model.judgementScale === 'report-card';
  const [area, setArea] = useState(props.areas[0]?.id ?? '');
  const [grade, setGrade] = useState<string>('');
  const [evidence, setEvidence] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  // The meeting page and its side panel: the form offers that meeting's visits without the page passing anything down.
  const route = useRoute();
  const meetingId = props.meetingId ?? (route.page === 'meeting' || route.page === 'side-panel' ? route.meetingId : undefined);
  return (
    <form
      className={s.form}
      aria-label="Record a judgement"
      onSubmit={(e) => {
        e.preventDefault();
        void props
          .onRecord({
            area,
            evidence,
            ...(grade ? (onReportCard ? { reportCardGrade: grade as ReportCardGrade } : { indicativeGrade: grade as Grade }) : {}),
            ...(cited.length ? { evidenceVisitIds: cited } : {}),
          })
          .then((ok) => {
            if (!ok) return;
            setEvidence('');
            setCited([]);
          });
      }}
    >
      <Field label="Inspection area">
        <Select value={area} onChange={(_, v) => setArea(v.value)}>
          {props.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Indicative grade">
        <Select value={grade} onChange={(_, v) => setGrade(v.value)}>
          <option value="">No grade</option>
          {(onReportCard ? REPORT_CARD : OLD_GRADES).map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
      {meetingId ? (
        <VisitEvidencePicker
          meetingId={meetingId}
          cited={cited}
          onCite={setCited}
          onUseFindings={(findings) => setEvidence((e) => (e.includes(findings) ? e : e.trim() ? `${e.trim()}\n\n${findings}` : findings))}
        />
      ) : null}
      <Field label="Evidence" required>
        <Textarea value={evidence} onChange={(_, v) => setEvidence(v.value)} resize="vertical" />
      </Field>
      <Button appearance="primary" type="submit" disabled={props.busy || evidence.trim() === ''}>
        Record judgement
      </Button>
    </form>
  );
}
