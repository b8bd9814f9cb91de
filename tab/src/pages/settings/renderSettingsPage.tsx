import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { academyName } from '../../app/app-context';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatPounds } from '../../format/dates';
import { roleName } from '../../format/roles';
import { PersonEditor } from './PersonEditor';
import { DeliveriesPanel } from './DeliveriesPanel';
import { TermDatesPanel } from './TermDatesPanel';
import { ImportPanel } from './import/ImportPanel';
import type { usePageStyles } from '../page.styles';
import type { SaveResult, SettingsState } from './useSettingsPage';

const Result = (props: { result: SaveResult }) =>
  props.result ? (
    <MessageBar intent={props.result.intent} role={props.result.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {props.result.text}
        {props.result.problems && props.result.problems.length > 0 ? (
          <ul>
            {props.result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  ) : null;

/** Settings (trust admin): the improvement model editor, academies and people. */
export function renderSettingsPage(st: SettingsState, s: ReturnType<typeof usePageStyles>) {
  if (!st.isAdmin) {
    return (
      <div className={s.page}>
        <h1 className={s.heading}>Settings</h1>
        <Empty>Only the trust administrator or the CEO can change the trust’s settings.</Empty>
      </div>
    );
  }
  const { model, academies, people, ctx } = st;
  return (
    <div className={s.page}>
      <h1 className={s.heading}>Settings</h1>
      <Section title="Academies">
        <Result result={st.academyResult} />
        {academies.state === 'loading' ? <Loading what="academies" /> : null}
        {academies.state === 'error' ? <LoadError error={academies.error} onRetry={academies.reload} /> : null}
        {academies.state === 'ready' ? (
          <div className={s.tableWrap}>
            <Table aria-label="Academies" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Academy</TableHeaderCell>
                  <TableHeaderCell>Support stage</TableHeaderCell>
                  <TableHeaderCell>Risk band</TableHeaderCell>
                  <TableHeaderCell>Improvement budget</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {academies.data.academies.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{a.name}</TableCell>
                    <TableCell>
                      <Select
                        aria-label={`Support stage of ${a.name}`}
                        size="small"
                        value={a.supportStage}
                        disabled={st.busy}
                        onChange={(_, v) => void st.saveAcademy(a, { supportStage: v.value })}
                      >
                        {ctx.model.stages.map((x) => (
                          <option key={x.id} value={x.id}>
                            {x.label}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                    <TableCell>
                      <Select
                        aria-label={`Risk band of ${a.name}`}
                        size="small"
                        value={a.riskBand ?? ''}
                        disabled={st.busy}
                        onChange={(_, v) => v.value && void st.saveAcademy(a, { riskBand: v.value as 'low' | 'medium' | 'high' })}
                      >
                        <option value="">Not set</option>
                        <option value="low">Low</option>
                        <option value="medium">Medium</option>
                        <option value="high">High</option>
                      </Select>
                    </TableCell>
                    <TableCell>{formatPounds(a.improvementBudgetPence)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </Section>
      <Section title="People">
        <Result result={st.personResult} />
        {st.editing ? (
          <PersonEditor
            draft={st.editing}
            errors={st.personErrors}
            academies={[...ctx.academies.values()]}
            busy={st.busy}
            onChange={st.setEditing}
            onSave={() => void st.savePerson()}
            onCancel={() => st.setEditing(undefined)}
            s={s}
          />
        ) : (
          <div className={s.row}>
            <Button onClick={() => st.editPerson(undefined)}>Add a person</Button>
          </div>
        )}
        {people.state === 'loading' ? <Loading what="people" /> : null}
        {people.state === 'error' ? <LoadError error={people.error} onRetry={people.reload} /> : null}
        {people.state === 'ready' ? (
          people.data.people.length === 0 ? (
            <Empty>No people yet.</Empty>
          ) : (
            <div className={s.tableWrap}>
              <Table aria-label="People" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Job title</TableHeaderCell>
                    <TableHeaderCell>Roles</TableHeaderCell>
                    <TableHeaderCell>Id (for ?as=)</TableHeaderCell>
                    <TableHeaderCell>
                      <span className={s.visuallyHidden}>Edit</span>
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {people.data.people.map((p) => (
                    <TableRow key={p.id} data-person={p.id}>
                      <TableCell>{p.name}</TableCell>
                      <TableCell>{p.jobTitle ?? '—'}</TableCell>
                      <TableCell>
                        {p.roles
                          .map((r) => (r.academyId ? `${roleName(r.role)} (${academyName(ctx, r.academyId)})` : roleName(r.role)))
                          .join(', ')}
                      </TableCell>
                      <TableCell>{p.id}</TableCell>
                      <TableCell>
                        <Button size="small" aria-label={`Edit ${p.name}`} disabled={st.busy} onClick={() => st.editPerson(p)}>
                          Edit
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )
        ) : null}
      </Section>
      <ImportPanel
        onImported={() => {
          academies.reload();
          people.reload();
        }}
      />
      <TermDatesPanel />
      <DeliveriesPanel />
      <Section title="Improvement model">
        {model.state === 'loading' ? <Loading what="the improvement model" /> : null}
        {model.state === 'error' ? <LoadError error={model.error} onRetry={model.reload} /> : null}
        {model.state === 'ready' ? (
          <form
            className={s.form}
            onSubmit={(e) => {
              e.preventDefault();
              void st.saveModel();
            }}
          >
            <Field label={`${model.data.model.name} (JSON; checked by the server when you save)`}>
              <Textarea
                value={st.draft}
                onChange={(_, v) => st.setDraft(v.value)}
                rows={18}
                resize="vertical"
                textarea={{ spellCheck: false, style: { fontFamily: 'monospace' } }}
              />
            </Field>
            <Result result={st.modelResult} />
            <Button appearance="primary" type="submit" disabled={st.busy}>
              Validate and save
            </Button>
          </form>
        ) : null}
      </Section>
    </div>
  );
}
