import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademySupport } from '../../api/api-types';
import { clientKey, useWrite } from '../../api/use-write';
import { DateField } from '../../components/DateField';
import { formatPounds } from '../../format/dates';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

type Kind = 'core' | 'development' | 'optional';

/**
 * Books a day of support for the academy: the kinds the viewer may book (the server's `can`), who
 * gives it, and for a development day the supporting academy, preset to the provider's own when
 * they are a head there (DSAT: the recharge "would show as income to the supporting Headteacher's
 * academy"). The charge shown is the model's day rate; the server fixes it and checks every rule.
 */
export function SupportDayBookingForm(props: { support: AcademySupport; onBooked: (message: string) => void; onCancel: () => void }) {
  const s = usePageStyles();
  const { support } = props;
  const kinds: { id: Kind; label: string }[] = [
    ...(support.can.bookCore ? [{ id: 'core' as const, label: 'Core day (from the allowance)' }] : []),
    ...(support.can.bookDevelopment ? [{ id: 'development' as const, label: 'Development day (recharged)' }] : []),
    ...(support.can.bookOptional ? [{ id: 'optional' as const, label: 'Optional day (from the menu)' }] : []),
  ];
  const write = useWrite();
  const [kind, setKind] = useState<Kind>(kinds.find((k) => k.id === 'development')?.id ?? kinds[0]?.id ?? 'core');
  const [date, setDate] = useState('');
  const [days, setDays] = useState('1');
  const [providerId, setProviderId] = useState('');
  const [supportingAcademyId, setSupportingAcademyId] = useState('');
  const [menuItem, setMenuItem] = useState(support.rules.optionalMenu[0] ?? '');
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(clientKey);
  const f = write.problems.fields;
  const err = (field: string) => ({ validationMessage: f[field], validationState: f[field] ? ('error' as const) : ('none' as const) });
  const rate = support.rules.developmentDayRatePence;
  const count = Number(days);
  const charge =
    kind === 'development' && rate > 0 && Number.isFinite(count)
      ? ` · ${formatPounds(Math.round(count * rate))} at ${formatPounds(rate)} a day`
      : '';
  return (
    <form
      className={s.form}
      aria-label="Book a support day"
      onSubmit={(e) => {
        e.preventDefault();
        void write
          .run(
            (api) =>
              api.send('POST', `/api/academies/${encodeURIComponent(support.academyId)}/support-days`, {
                kind,
                date,
                days: count,
                providerId,
                ...(kind === 'development' && supportingAcademyId ? { supportingAcademyId } : {}),
                ...(kind === 'optional' && menuItem ? { menuItem } : {}),
                description,
                clientKey: key,
              }),
            'Booked.',
          )
          .then((r) => {
            if (!r) return;
            setKey(clientKey());
            props.onBooked(
              `${kind === 'development' ? 'Development' : kind === 'core' ? 'Core' : 'Optional'} day booked for ${support.academyName}.`,
            );
          });
      }}
    >
      <Field label="Kind of day" {...err('kind')}>
        <Select value={kind} onChange={(_, v) => setKind(v.value as Kind)}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <DateField label="Date" required value={date} onChange={setDate} {...(f.date ? { error: f.date } : {})} />
        <Field label="Days" required hint={`Whole or half days${charge}`} {...err('days')}>
          <Input type="number" min={0.5} max={20} step={0.5} value={days} onChange={(_, v) => setDays(v.value)} />
        </Field>
      </div>
      <Field label="Given by" required {...err('providerId')}>
        <Select
          value={providerId}
          onChange={(_, v) => {
            setProviderId(v.value);
            const headOf = support.providers.find((p) => p.id === v.value)?.headOf;
            setSupportingAcademyId(headOf ?? '');
          }}
        >
          <option value="">Choose…</option>
          {support.providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      {kind === 'development' ? (
        <Field
          label="Supporting academy (receives the income)"
          hint="None when the trust’s own staff give the day"
          {...err('supportingAcademyId')}
        >
          <Select value={supportingAcademyId} onChange={(_, v) => setSupportingAcademyId(v.value)}>
            <option value="">None</option>
            {support.academies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {kind === 'optional' && support.rules.optionalMenu.length > 0 ? (
        <Field label="From the menu" required {...err('menuItem')}>
          <Select value={menuItem} onChange={(_, v) => setMenuItem(v.value)}>
            {support.rules.optionalMenu.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="What for" required={kind !== 'optional'} {...err('description')}>
        <Textarea value={description} onChange={(_, v) => setDescription(v.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy}>
          Book
        </Button>
        <Button appearance="secondary" type="button" onClick={props.onCancel}>
          Close
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}
