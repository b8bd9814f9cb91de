import { Button, Field, Input } from '@fluentui/react-components';
import { PAPER_FILE_TYPES } from '../../../../../core/domain/paper-file-types';
import type { MeetingView } from '../../../api/api-types';
import { nameOf } from '../../../app/app-context';
import { Empty } from '../../../components/PageState';
import { PaperLink } from '../../../components/PaperLink';
import { Section } from '../../../components/Section';
import { formatDate, formatDateTime } from '../../../format/dates';
import { extensionStatusLabel } from '../../../format/words';
import { usePageStyles } from '../../page.styles';
import { ExtensionForm } from '../ExtensionForm';
import { OpenFormButton, thenClose } from '../OpenFormButton';
import type { MeetingSectionProps } from './meeting-section';

type Paper = MeetingView['meeting']['papers'][number];

/** The file picker offers the types the API accepts (it checks each file's content too). */
const PAPER_ACCEPT = PAPER_FILE_TYPES.map((t) => `.${t.extension}`).join(',');

/** The papers the meeting needs: who sends each and by when, what is in, and (for those who may) the forms behind buttons. */
export function MeetingPapersSection({ st, v }: MeetingSectionProps) {
  const s = usePageStyles();
  const papers = v.meeting.papers;
  return (
    <div id="papers">
      <Section title="Papers">
        {papers.length === 0 ? (
          <Empty>No papers are needed for this meeting.</Empty>
        ) : (
          <ul className={s.list} aria-label="Papers">
            {papers.map((p) => (
              <li key={p.requirementId} data-paper={p.requirementId}>
                <PaperItem st={st} v={v} paper={p} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** The date that counts: the new one once an extension is granted. */
const dueOf = (p: Paper): string => (p.extension?.status === 'approved' ? p.extension.newDueDate : p.dueDate);

function PaperItem({ st, v, paper: p }: MeetingSectionProps & { paper: Paper }) {
  const s = usePageStyles();
  const ctx = st.ctx;
  const can = v.can.papers[p.requirementId];
  // The server's list of papers past their date and still not in (core/domain/paper-deadlines.ts).
  const overdue = v.overduePapers.includes(p.requirementId);
  if (p.submittedAt)
    return (
      <>
        <strong>{p.title}</strong>{' '}
        <span className={s.muted}>
          in, {formatDateTime(p.submittedAt)} by {nameOf(ctx, p.submittedBy)}
          {p.link ? (
            <>
              {' '}
              · <PaperLink href={p.link} />
            </>
          ) : null}
        </span>
      </>
    );
  return (
    <>
      <strong>{p.title}</strong>{' '}
      <span className={overdue ? s.overdue : s.muted}>
        {overdue ? 'overdue: ' : ''}due {formatDate(dueOf(p))} from {nameOf(ctx, p.ownerId)}
      </span>
      {p.extension ? (
        <div className={s.muted}>
          Extension to {formatDate(p.extension.newDueDate)} asked by {nameOf(ctx, p.extension.requestedBy)} (“{p.extension.reason}”):{' '}
          {p.extension.status === 'requested'
            ? 'waiting for the chair'
            : `${extensionStatusLabel(p.extension.status).toLowerCase()} by ${nameOf(ctx, p.extension.decidedBy)}`}
        </div>
      ) : null}
      {p.extension?.status === 'requested' && v.can.decideExtensions ? (
        <div className={s.row}>
          <Button size="small" appearance="primary" disabled={st.busy} onClick={() => void st.decideExtension(p.requirementId, true)}>
            Grant the extension
          </Button>
          <Button size="small" disabled={st.busy} onClick={() => void st.decideExtension(p.requirementId, false)}>
            Decline the extension
          </Button>
        </div>
      ) : null}
      <div className={s.row}>
        {can?.askForMoreTime ? (
          <OpenFormButton label="Ask for more time" name={`Ask for more time on the ${p.title}`} size="small">
            {(close) => (
              <ExtensionForm title={p.title} busy={st.busy} onRequest={thenClose((e) => st.requestExtension(p.requirementId, e), close)} />
            )}
          </OpenFormButton>
        ) : null}
        {can?.submit ? (
          <OpenFormButton label="Upload the file" name={`Upload the ${p.title}`} size="small">
            {(close) => (
              <form
                className={s.row}
                aria-label={`Upload the ${p.title}`}
                onSubmit={(e) => {
                  e.preventDefault();
                  const file = new FormData(e.currentTarget).get('file');
                  if (file instanceof File && file.size > 0) void thenClose((f: File) => st.uploadPaper(p.requirementId, f), close)(file);
                }}
              >
                <Field label={`The ${p.title} (a document, spreadsheet, slides, PDF or image)`} size="small">
                  <input name="file" type="file" required accept={PAPER_ACCEPT} />
                </Field>
                <Button size="small" type="submit" disabled={st.busy}>
                  Upload
                </Button>
              </form>
            )}
          </OpenFormButton>
        ) : null}
        {can?.submit ? (
          <OpenFormButton label="Mark as in" name={`Mark the ${p.title} as in`} size="small">
            {(close) => (
              <form
                className={s.row}
                aria-label={`Mark the ${p.title} as in`}
                onSubmit={(e) => {
                  e.preventDefault();
                  const link = new FormData(e.currentTarget).get('link');
                  void thenClose(
                    (l: string | undefined) => st.submitPaper(p.requirementId, l),
                    close,
                  )(typeof link === 'string' ? link : undefined);
                }}
              >
                <Field label={`Link to the ${p.title}`} size="small">
                  <Input name="link" size="small" placeholder="Folder or file link" />
                </Field>
                <Button size="small" type="submit" disabled={st.busy}>
                  Mark as in
                </Button>
              </form>
            )}
          </OpenFormButton>
        ) : null}
      </div>
    </>
  );
}
