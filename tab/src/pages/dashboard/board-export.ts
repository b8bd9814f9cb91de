import type { Dashboard } from '../../api/api-types';
import { buildBoardWorkbook, type BoardWorkbookOptions } from './board-workbook';

export { buildBoardWorkbook } from './board-workbook';

/** Builds the workbook and hands it to the browser as a download, named for whom it covers. */
export async function downloadBoardWorkbook(
  dashboard: Dashboard,
  nameOf: (id: string) => string,
  options: BoardWorkbookOptions = {},
): Promise<void> {
  const buffer = await buildBoardWorkbook(dashboard, nameOf, options);
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${options.scope === 'academy' ? 'academy-summary' : 'trust-dashboard'}-${dashboard.trust.today}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
