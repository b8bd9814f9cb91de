import { Badge, Button, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademySupport } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useWrite } from '../../api/use-write';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate, formatPounds } from '../../format/dates';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';
import { SupportDayBookingForm } from './SupportDayBookingForm';

const dayWord = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** The budget as agreed, in pounds; saved in pence with the academy's version (a stale one is refused). */
function BudgetForm(props: { support: AcademySupport; onSaved: (message: string) => void }) {
  const s = usePageStyles();
  const write = useWrite();
  const [pounds, setPounds] = useState(String(props.support.budget.pence / 100));
  const f = write.problems.fields;
  return (
    <form
      className={s.row}
      aria-label="Improvement budget"
      onSubmit={(e) => {
        e.preventDefault();
        const budgetPence = Math.round(Number(pounds) * 100);
        void write
          .run(
            (api) =>
              api.send('PUT', `/api/academies/${encodeURIComponent(props.support.academyId)}/improvement-budget`, {
                budgetPence,
                version: props.support.budget.version,
              }),
            'Budget saved.',
          )
          .then((r) => r && props.onSaved(`Improvement budget set to ${formatPounds(budgetPence)}.`));
      }}
    >
      <Field
        label="Improvement budget (£)"
        validationMessage={f.budgetPence}
        validationState={f.budgetPence ? 'error' : 'none'}
        hint="As agreed with the head, the improvement director, the CEO and the finance director"
      >
        <Input type="number" min={0} step={1} value={pounds} onChange={(_, v) => setPounds(v.value)} />
      </Field>
      <Button type="submit" disabled={write.busy}>
        Save the budget
      </Button>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}

/**
 * The academy's support days (issue 16, part 1), from `GET /api/academies/:id/support`: core and
 * optional days used and left, development days' spend against the improvement budget with the
 * must-budget flag, income earned supporting other academies, the days booked, and booking,
 * cancelling and budgeting for those the server says may.
 */
export function AcademySupportSection(props: { academyId: string; onChanged: (message: string) => void }) {
  const s = usePageStyles();
  const data = useApiData<AcademySupport>(`/api/academies/${encodeURIComponent(props.academyId)}/support`);
  const [booking, setBooking] = useState(false);
  const cancel = useWrite();
  const changed = (message: string) => {
    data.reload();
    props.onChanged(message);
  };
  if (data.state === 'loading') return <Loading what="support days" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const u = v.usage;
  const coreLeft = Math.max(0, u.allowance - u.coreUsed - v.corePlanned);
  const booksAny = v.can.bookCore || v.can.bookDevelopment || v.can.bookOptional;
  return (
    <Section title="Support days and spend">
      <div className={s.facts}>
        {u.mustBudget ? (
          <Badge appearance="tint" color="warning">
            Must budget for improvement support
          </Badge>
        ) : null}
        {u.overBudget ? (
          <Badge appearance="tint" color="danger">
            Over budget
          </Badge>
        ) : null}
      </div>
      <ul className={s.list} aria-label="Support this year">
        <li>
          {`Core days: ${u.coreUsed} of ${u.allowance} used`}
          {v.corePlanned > 0 ? `, ${v.corePlanned} in planned meetings` : ''}
          {`, ${dayWord(coreLeft)} left`}
        </li>
        {u.optionalAllowance > 0 ? (
          <li>{`Optional days: ${u.optionalUsed} of ${u.optionalAllowance} used, ${dayWord(Math.max(0, u.optionalAllowance - u.optionalUsed))} left`}</li>
        ) : null}
        <li>
          {`Development days: ${u.developmentDays}, spend ${formatPounds(u.spendPence)} of a ${formatPounds(u.budgetPence)} budget`}
          {u.spendPercent !== undefined ? ` (${u.spendPercent}%)` : ''}
        </li>
        <li>
          {v.income.incomePence > 0 || v.income.days > 0
            ? `Income from supporting other academies: ${formatPounds(v.income.incomePence)} for ${dayWord(v.income.days)}`
            : 'No income from supporting other academies this year'}
        </li>
      </ul>
      {u.mustBudget && u.budgetPence === 0 ? (
        <Text className={s.overdue}>No improvement budget recorded yet: the academy is below Good, so it must budget for support.</Text>
      ) : null}
      {v.can.setBudget ? <BudgetForm key={v.budget.version} support={v} onSaved={changed} /> : null}
      <h3 className={s.subheading}>Days booked</h3>
      {v.days.length === 0 ? (
        <Empty>No support days booked.</Empty>
      ) : (
        <ul className={s.list} aria-label="Support days booked">
          {v.days.map((d) => (
            <li key={d.id} data-support-day={d.id}>
              {`${formatDate(d.date)}: ${d.description} (${dayWord(d.days)}, ${d.kindLabel.toLowerCase()}, ${d.providerName}`}
              {d.supportingAcademyName ? ` of ${d.supportingAcademyName}` : ''}
              {d.chargePence > 0 ? `, ${formatPounds(d.chargePence)}` : ''})
              {d.canCancel ? (
                <>
                  {' '}
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={cancel.busy}
                    aria-label={`Cancel the day on ${formatDate(d.date)}`}
                    onClick={() =>
                      void cancel
                        .run(
                          (api) => api.send('POST', `/api/support-days/${encodeURIComponent(d.id)}/cancellation`, { version: d.version }),
                          'Cancelled.',
                        )
                        .then((r) => r && changed(`The day on ${formatDate(d.date)} is cancelled.`))
                    }
                  >
                    Cancel
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <WriteMessage feedback={cancel.feedback?.intent === 'success' ? undefined : cancel.feedback} />
      {v.income.items.length > 0 ? (
        <>
          <h3 className={s.subheading}>Support given to other academies</h3>
          <ul className={s.list} aria-label="Support given to other academies">
            {v.income.items.map((i) => (
              <li key={i.key}>
                {`${formatDate(i.date)}: ${i.academyName}, ${dayWord(i.days)}, ${formatPounds(i.incomePence)}`}
                {i.description ? ` (${i.description})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {booksAny ? (
        booking ? (
          <SupportDayBookingForm
            support={v}
            onCancel={() => setBooking(false)}
            onBooked={(m) => {
              setBooking(false);
              changed(m);
            }}
          />
        ) : (
          <div className={s.row}>
            <Button appearance="primary" onClick={() => setBooking(true)}>
              Book a support day
            </Button>
          </div>
        )
      ) : null}
    </Section>
  );
}
