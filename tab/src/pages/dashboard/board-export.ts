import type { Dashboard } from '../../api/api-types';
import { buildBoardWorkbook } from './board-workbook';

export { buildBoardWorkbook } from './board-workbook';

/** Builds the workbook and hands it to the browser as a download. */
export async function downloadBoardWorkbook(dashboard: Dashboard, nameOf: (id: string) => string): Promise<void> {
  const buffer = await buildBoardWorkbook(dashboard, nameOf);
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `trust-dashboard-${dashboard.trust.today}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
