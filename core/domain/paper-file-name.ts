import type { FieldProblem } from './errors';

/** Characters SharePoint and Windows refuse in file names. */
const FORBIDDEN = /["*:<>?/\\|#%]/;
/** NUL and the other control characters: no file system or SharePoint takes them (Node refuses a path with NUL outright). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Problems with a paper's file name, if any, in words a head can act on. */
export function paperFileNameProblems(name: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (name.trim() === '') problems.push({ field: 'fileName', message: 'give the file a name' });
  else {
    if (name !== name.trim()) problems.push({ field: 'fileName', message: 'the name cannot start or end with a space' });
    if (CONTROL.test(name))
      problems.push({ field: 'fileName', message: 'the name cannot contain control characters (such as a NUL byte)' });
    if (FORBIDDEN.test(name)) problems.push({ field: 'fileName', message: 'the name cannot contain " * : < > ? / \\ | # %' });
    if (name.startsWith('.') || name.endsWith('.'))
      problems.push({ field: 'fileName', message: 'the name cannot start or end with a full stop' });
    if (name.length > 200) problems.push({ field: 'fileName', message: 'the name is longer than 200 characters' });
  }
  return problems;
}
