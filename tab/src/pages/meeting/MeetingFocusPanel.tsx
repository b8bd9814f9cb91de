import { Button, Checkbox, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingFocusView } from '../../../../core/services/meeting-focus.service';
import { nameOf, useAppContext } from '../../app/app-context';
import { useApiData } from '../../api/use-api-data';
import { useWrite } from '../../api/use-write';
import { LoadError, Loading } from '../../components/PageState';
import { formatDateTime } from '../../format/dates';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

/*
 * A meeting's focus (issue 16, part 4; DSAT: "a focus should be agreed for each meeting such that
 * all areas will be covered over a period of time"): the areas it looks at, who agreed them with
 * the head, and for the chair (or the head) a form to agree or change them, showing which of the
 * school's areas its meetings have not yet covered.
 */
export function MeetingFocusPanel(props: { meetingId: string }) {
  const s = usePageStyles();
  const ctx = useAppContext();
  const data = useApiData<MeetingFocusView>(`/api/meetings/${encodeURIComponent(props.meetingId)}/focus`);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const write = useWrite();
  if (data.state === 'loading') return <Loading what="the focus" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const uncovered = new Set(v.coverage.uncovered.map((a) => a.id));
  return (
    <div className={s.form} data-focus={v.focus.map((f) => f.id).join(' ')}>
      <Text>{v.focus.length > 0 ? v.focus.map((f) => f.label).join(', ') : 'No focus agreed yet.'}</Text>
      <Text className={s.muted}>
        {v.agreed
          ? `Agreed by ${nameOf(ctx, v.agreed.by)}${v.agreed.withHeadId ? ` with ${nameOf(ctx, v.agreed.withHeadId)}` : ''}, ${formatDateTime(v.agreed.at)}`
          : v.focus.length > 0
            ? 'Suggested by the planner’s rotation; not yet agreed.'
            : ''}
      </Text>
      {v.coverage.warning ? <Text className={s.muted}>{`${v.coverage.warning}.`}</Text> : null}
      {v.can.agree && !open ? (
        <div>
          <Button
            onClick={() => {
              setChosen(v.focus.map((f) => f.id));
              setOpen(true);
            }}
          >
            Agree or change the focus
          </Button>
        </div>
      ) : null}
      {open ? (
        <form
          className={s.form}
          aria-label="Agree the focus"
          onSubmit={(e) => {
            e.preventDefault();
            void write
              .run(
                (api) => api.send('PUT', `/api/meetings/${encodeURIComponent(v.meetingId)}/focus`, { focus: chosen, version: v.version }),
                'Focus agreed.',
              )
              .then((r) => {
                if (!r) return;
                setOpen(false);
                data.reload();
              });
          }}
        >
          <fieldset className={s.form}>
            <legend>Focus areas (no more than three)</legend>
            {v.areas.map((a) => (
              <Checkbox
                key={a.id}
                label={uncovered.has(a.id) ? `${a.label} (not yet covered)` : a.label}
                checked={chosen.includes(a.id)}
                onChange={(_, c) => setChosen(c.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
              />
            ))}
          </fieldset>
          <div className={s.row}>
            <Button type="submit" appearance="primary" disabled={write.busy}>
              Agree focus
            </Button>
            <Button appearance="subtle" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <WriteMessage feedback={write.feedback} />
    </div>
  );
}
