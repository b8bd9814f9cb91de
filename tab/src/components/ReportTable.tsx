import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePageStyles } from '../pages/page.styles';

/** One column of a report: its heading and what a row shows under it. */
export interface ReportColumn<Row> {
  heading: string;
  cell: (row: Row) => ReactNode;
}

/**
 * What an import checked or did, row by row: the CSV imports (people and academies, KPIs, term
 * dates) all answer with one of these. The wrapper scrolls a wide table and is focusable, so a
 * keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
export function ReportTable<Row>(props: {
  label: string;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  rowData?: (row: Row) => Record<`data-${string}`, string | number>;
}) {
  const s = usePageStyles();
  return (
    <div className={s.tableWrap} tabIndex={0} role="group" aria-label={`${props.label} (scrolls)`}>
      <Table aria-label={props.label} size="small">
        <TableHeader>
          <TableRow>
            {props.columns.map((c) => (
              <TableHeaderCell key={c.heading}>{c.heading}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row, i) => (
            <TableRow key={props.rowKey(row, i)} {...(props.rowData?.(row) ?? {})}>
              {props.columns.map((c) => (
                <TableCell key={c.heading}>{c.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
