import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { AcademyCoverage } from '../../../../core/domain/meeting-focus';
import { useApiData } from '../../api/use-api-data';
import { LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { usePageStyles } from '../page.styles';

/*
 * The year view's coverage of the inspection areas (issue 16, part 4): for each academy, how many
 * held and planned meetings look at each of its areas, and a warning, in words, where the plan
 * leaves one uncovered (DSAT: "all areas will be covered over a period of time").
 */
export function FocusCoverageSection(props: { academicYear: string }) {
  const s = usePageStyles();
  const data = useApiData<{ academicYear: string; academies: AcademyCoverage[] }>(
    `/api/planner/coverage?year=${encodeURIComponent(props.academicYear)}`,
  );
  if (data.state === 'loading') return <Loading what="the areas covered" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const warned = data.data.academies.filter((a) => a.warning);
  return (
    <Section title="Areas covered by each academy’s meetings">
      {warned.length > 0 ? (
        <ul className={s.list} aria-label="Areas the plan leaves uncovered">
          {warned.map((a) => (
            <li key={a.academyId}>{a.warning}</li>
          ))}
        </ul>
      ) : (
        <Text>Every academy’s areas are covered by a held or planned meeting.</Text>
      )}
      <div className={s.tableWrap}>
        <Table aria-label="Areas covered" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Academy</TableHeaderCell>
              <TableHeaderCell>Covered (held · planned)</TableHeaderCell>
              <TableHeaderCell>Not covered</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.data.academies.map((a) => (
              <TableRow key={a.academyId} data-academy={a.academyId}>
                <TableCell>{a.name}</TableCell>
                <TableCell>
                  {a.areas
                    .filter((x) => x.held + x.planned > 0)
                    .map((x) => `${x.label} (${x.held} · ${x.planned})`)
                    .join('; ') || '—'}
                </TableCell>
                <TableCell>{a.uncovered.map((x) => x.label).join(', ') || 'None'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}
