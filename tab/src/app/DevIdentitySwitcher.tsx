import { Field, Select } from '@fluentui/react-components';
import type { DevPerson } from './use-app-shell';

/** Local mode only: become another person of the demo trust (CEO, an AID, a head, a chair of LGB …). */
export function DevIdentitySwitcher(props: { people: DevPerson[]; current: string; onChange: (id: string) => void; className?: string }) {
  return (
    <Field label="Dev identity (local only)" orientation="horizontal">
      <Select
        value={props.current}
        onChange={(_, d) => props.onChange(d.value)}
        {...(props.className ? { className: props.className } : {})}
      >
        {props.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.jobTitle ? ` — ${p.jobTitle}` : ''}
          </option>
        ))}
      </Select>
    </Field>
  );
}
