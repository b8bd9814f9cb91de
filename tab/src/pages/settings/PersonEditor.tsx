import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { AcademyItem } from '../../api/api-types';
import { isTrustWideRole, ROLE_IDS, roleName } from '../../format/roles';
import type { usePageStyles } from '../page.styles';
import type { PersonDraft } from './useSettingsPage';

/** The first problem the API named for a field, or for anything under it ("roles.0.academyId" for "roles.0"). */
const errorFor = (errors: Record<string, string>, field: string): string | undefined =>
  errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];

const fieldProps = (message: string | undefined) => (message ? { validationState: 'error' as const, validationMessage: message } : {});

/** Edit (or add) a person: name, e-mail, job title and roles × academy; the API's field problems appear by each field. */
export function PersonEditor(props: {
  draft: PersonDraft;
  errors: Record<string, string>;
  academies: AcademyItem[];
  busy: boolean;
  onChange: (d: PersonDraft) => void;
  onSave: () => void;
  onCancel: () => void;
  s: ReturnType<typeof usePageStyles>;
}) {
  const { draft: d, errors, s } = props;
  const set = (changes: Partial<PersonDraft>) => props.onChange({ ...d, ...changes });
  const setRole = (i: number, changes: Partial<PersonDraft['roles'][number]>) =>
    set({ roles: d.roles.map((r, j) => (j === i ? { ...r, ...changes } : r)) });
  const title = d.id ? `Edit ${d.name || d.id}` : 'Add a person';
  return (
    <form
      className={s.form}
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <h3 className={s.subheading}>{title}</h3>
      <div className={s.row}>
        <Field label="Name" required {...fieldProps(errors.name)}>
          <Input value={d.name} onChange={(_, v) => set({ name: v.value })} autoFocus />
        </Field>
        <Field label="E-mail" required {...fieldProps(errors.email)}>
          <Input type="email" value={d.email} onChange={(_, v) => set({ email: v.value })} />
        </Field>
        <Field label="Job title" {...fieldProps(errors.jobTitle)}>
          <Input value={d.jobTitle} onChange={(_, v) => set({ jobTitle: v.value })} />
        </Field>
      </div>
      {errors.roles ? <div className={s.overdue}>Roles: {errors.roles}</div> : null}
      {d.roles.map((r, i) => (
        <div className={s.row} key={i}>
          <Field label={`Role ${i + 1}`} size="small" {...fieldProps(errorFor(errors, `roles.${i}.role`))}>
            <Select
              size="small"
              value={r.role}
              onChange={(_, v) => setRole(i, { role: v.value, ...(isTrustWideRole(v.value) ? { academyId: '' } : {}) })}
            >
              {ROLE_IDS.map((id) => (
                <option key={id} value={id}>
                  {roleName(id)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Academy for role ${i + 1}`} size="small" {...fieldProps(errorFor(errors, `roles.${i}.academyId`))}>
            <Select
              size="small"
              value={r.academyId}
              disabled={isTrustWideRole(r.role)}
              onChange={(_, v) => setRole(i, { academyId: v.value })}
            >
              <option value="">{isTrustWideRole(r.role) ? 'Whole trust' : 'Choose an academy'}</option>
              {props.academies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button size="small" disabled={d.roles.length === 1} onClick={() => set({ roles: d.roles.filter((_, j) => j !== i) })}>
            Remove role {i + 1}
          </Button>
        </div>
      ))}
      <div className={s.row}>
        <Button size="small" onClick={() => set({ roles: [...d.roles, { role: 'governor', academyId: '' }] })}>
          Add a role
        </Button>
      </div>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {d.id ? 'Save person' : 'Add person'}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
