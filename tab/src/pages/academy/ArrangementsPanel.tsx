import { Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ArrangementsPreview, ArrangementsView } from '../../../../core/services/arrangements.service';
import type { PlanSummary } from '../../../../core/services/planner.service';
import { useApiData } from '../../api/use-api-data';
import { useWrite } from '../../api/use-write';
import { DateField } from '../../components/DateField';
import { LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../format/dates';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

/*
 * The academy's arrangements for the year (issue 16, part 3): what it asked for (DSAT's iAIMs, KGA's
 * 2-day QA model), meetings agreed with it, its self-evaluated grade with its date, and the reason.
 * The trust team opens the form from a button, previews what the re-plan would add, move or remove,
 * and confirms it; the server checks every rule and does the planning.
 */

type Draft = { requests: string[]; agreed: Record<string, string>; grade: string; on: string; reason: string };

const draftOf = (v: ArrangementsView): Draft => ({
  requests: [...v.requests],
  agreed: Object.fromEntries(v.kinds.map((k) => [k.id, k.agreed === undefined ? '' : String(k.agreed)])),
  grade: v.selfEvaluatedGrade?.grade ?? '',
  on: v.selfEvaluatedOn ?? '',
  reason: '',
});

const bodyOf = (d: Draft, withGrade: boolean, version?: string) => ({
  requests: d.requests,
  agreedMeetings: Object.fromEntries(
    Object.entries(d.agreed)
      .filter(([, n]) => n.trim() !== '')
      .map(([k, n]) => [k, Number(n)]),
  ),
  ...(withGrade ? { selfEvaluatedGrade: d.grade === '' ? null : d.grade, selfEvaluatedOn: d.on === '' ? null : d.on } : {}),
  reason: d.reason,
  ...(version ? { version } : {}),
});

function ArrangementsForm(props: { view: ArrangementsView; onDone: (message: string) => void; onCancel: () => void }) {
  const s = usePageStyles();
  const { view } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [preview, setPreview] = useState<ArrangementsPreview>();
  const write = useWrite();
  const f = write.problems.fields;
  const err = (field: string) => ({ validationMessage: f[field], validationState: f[field] ? ('error' as const) : ('none' as const) });
  const edit = (d: Partial<Draft>) => {
    setDraft((x) => ({ ...x, ...d }));
    setPreview(undefined); // a preview is of what was asked, so a change needs a new one
  };
  const path = `/api/academies/${encodeURIComponent(view.academyId)}/arrangements`;
  return (
    <form
      className={s.form}
      aria-label="Change the arrangements"
      onSubmit={(e) => {
        e.preventDefault();
        void write
          .run(
            (api) => api.send<ArrangementsPreview>('POST', `${path}/preview`, bodyOf(draft, !view.hasAreaSelfEvaluation)),
            'Preview ready: nothing has changed yet.',
          )
          .then((p) => p && setPreview(p));
      }}
    >
      {view.options.length > 0 ? (
        <fieldset className={s.form}>
          <legend>Asked for</legend>
          {view.options.map((o) => (
            <Checkbox
              key={o.id}
              label={o.label}
              checked={draft.requests.includes(o.id)}
              onChange={(_, c) => edit({ requests: c.checked ? [...draft.requests, o.id] : draft.requests.filter((r) => r !== o.id) })}
            />
          ))}
          {f.requests ? <Text role="alert">{f.requests}</Text> : null}
        </fieldset>
      ) : null}
      <fieldset className={s.form}>
        <legend>Meetings agreed with the academy (blank: the model’s number)</legend>
        {view.kinds.map((k) => (
          <Field key={k.id} label={`${k.abbreviation}s a year (the model gives ${k.modelCount})`} {...err(`agreedMeetings.${k.id}`)}>
            <Input
              type="number"
              min={0}
              max={6}
              value={draft.agreed[k.id] ?? ''}
              onChange={(_, v) => edit({ agreed: { ...draft.agreed, [k.id]: v.value } })}
            />
          </Field>
        ))}
        {f.agreedMeetings ? <Text role="alert">{f.agreedMeetings}</Text> : null}
      </fieldset>
      {view.hasAreaSelfEvaluation ? (
        <Text className={s.muted}>
          Its self-evaluation is set area by area at its meetings (see Self-evaluation), in place of a single grade.
        </Text>
      ) : (
        <div className={s.row}>
          <Field label="Self-evaluated grade" {...err('selfEvaluatedGrade')}>
            <Select value={draft.grade} onChange={(_, v) => edit({ grade: v.value })}>
              <option value="">Not given</option>
              {view.grades.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
            </Select>
          </Field>
          <DateField label="Self-evaluated on" value={draft.on} onChange={(on) => edit({ on })} error={f.selfEvaluatedOn} />
        </div>
      )}
      <Field label="Reason" required {...err('reason')}>
        <Textarea
          value={draft.reason}
          onChange={(_, v) => edit({ reason: v.value })}
          placeholder="e.g. the head asked for iAIMs at the autumn AIM"
        />
      </Field>
      <div className={s.row}>
        <Button type="submit" appearance={preview ? 'secondary' : 'primary'} disabled={write.busy}>
          Preview
        </Button>
        {preview ? (
          <Button
            appearance="primary"
            disabled={write.busy}
            onClick={() => {
              void write
                .run(
                  (api) => api.send<{ replanned?: PlanSummary }>('PUT', path, bodyOf(draft, !view.hasAreaSelfEvaluation, view.version)),
                  'Saved.',
                )
                .then((r) => {
                  if (!r) return;
                  const re = r.replanned;
                  props.onDone(
                    re
                      ? `Arrangements saved. The year was re-planned: ${re.created} meeting(s) added, ${re.changed} moved, ${re.cancelled} removed.`
                      : 'Arrangements saved.',
                  );
                });
            }}
          >
            Confirm
          </Button>
        ) : null}
        <Button appearance="subtle" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
      <WriteMessage feedback={write.feedback} />
      {preview ? <PreviewOf preview={preview} /> : null}
    </form>
  );
}

/** What the change would do: the arrangements in sentences, then each meeting added, moved or removed with its date in words. */
function PreviewOf(props: { preview: ArrangementsPreview }) {
  const s = usePageStyles();
  const { preview } = props;
  return (
    <div role="region" aria-label="What would change">
      <h3 className={s.subheading}>What would change</h3>
      <ul className={s.list} aria-label="Arrangements">
        {preview.changes.length === 0 ? <li>The arrangements stay as they are.</li> : preview.changes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <ul className={s.list} aria-label="Meetings">
        {preview.meetings.length === 0 ? (
          <li>No meeting is added, moved or removed.</li>
        ) : (
          preview.meetings.map((m) => (
            <li key={`${m.change}-${m.kind}-${m.date}-${m.academyId}`} data-change={m.change}>
              {m.text}
            </li>
          ))
        )}
        {preview.unplaced.map((u) => (
          <li key={u}>{`Could not be placed: ${u}`}</li>
        ))}
      </ul>
    </div>
  );
}

/** The arrangements panel on the academy page, from `GET /api/academies/:id/arrangements`. */
export function ArrangementsPanel(props: { academyId: string; onChanged?: (message: string) => void }) {
  const s = usePageStyles();
  const data = useApiData<ArrangementsView>(`/api/academies/${encodeURIComponent(props.academyId)}/arrangements`);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  if (data.state === 'loading') return <Loading what="the arrangements" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const asked = v.options.filter((o) => v.requests.includes(o.id)).map((o) => o.label);
  return (
    <Section
      title="Arrangements for the year"
      actions={
        v.can.set && !open ? (
          <div>
            <Button onClick={() => (setOpen(true), setMessage(undefined))}>Change the arrangements</Button>
          </div>
        ) : null
      }
    >
      {message ? <WriteMessage feedback={{ intent: 'success', text: message }} /> : null}
      <ul className={s.list} aria-label="Arrangements">
        <li>{asked.length > 0 ? `Asked for ${asked.join(' and ')}` : 'Nothing asked for beyond the model'}</li>
        {v.cadence.map((c) => (
          <li key={c.ruleId}>{c.text}</li>
        ))}
        <li>
          {v.selfEvaluatedGrade
            ? `Self-evaluated as ${v.selfEvaluatedGrade.label}${v.selfEvaluatedOn ? ` on ${formatDate(v.selfEvaluatedOn)}` : ''}`
            : 'No self-evaluated grade given'}
        </li>
      </ul>
      {v.lastSet ? <Text className={s.muted}>{`Last set ${formatDateTime(v.lastSet.setAt)}: ${v.lastSet.reason}`}</Text> : null}
      {open ? (
        <ArrangementsForm
          view={v}
          onCancel={() => setOpen(false)}
          onDone={(m) => {
            setOpen(false);
            data.reload();
            // The page says it (and reloads its meetings) when it can; else the panel does.
            if (props.onChanged) props.onChanged(m);
            else setMessage(m);
          }}
        />
      ) : null}
    </Section>
  );
}
