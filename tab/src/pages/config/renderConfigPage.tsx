import { Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import type { usePageStyles } from '../page.styles';
import type { TabChoice } from './tab-choice';
import type { ConfigState } from './useConfigPage';

/** The tab's setup page as a pure function of its state. */
export function renderConfigPage(st: ConfigState, s: ReturnType<typeof usePageStyles>) {
  return (
    <div className={s.page}>
      <h1 className={s.heading}>Add school improvement to this channel or meeting</h1>
      <p className={s.muted}>Choose what the tab shows. Everyone sees only the academies their role allows.</p>
      <Field label="The tab shows">
        <Select value={st.choice} onChange={(_e, d) => st.setChoice(d.value as TabChoice)}>
          <option value="dashboard">Trust dashboard</option>
          <option value="planner">Year planner</option>
          <option value="my-work">My work</option>
          <optgroup label="One academy">
            {st.academies.map((a) => (
              <option key={a.id} value={`academy:${a.id}`}>
                {a.name}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <p className={s.muted}>In a meeting the same page opens in the meeting's details and side panel.</p>
      {!st.inTeams && (
        <MessageBar intent="info">
          <MessageBarBody>
            Teams shows this page when the app is added to a channel, chat or meeting; here there is nothing to save.
          </MessageBarBody>
        </MessageBar>
      )}
      {st.saveError && (
        <MessageBar intent="error">
          <MessageBarBody>Teams could not save the tab: {st.saveError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
