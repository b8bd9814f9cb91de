import { Text } from '@fluentui/react-components';
import type { MeetingView } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { academyName, useAppContext } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { PaperLink } from '../../components/PaperLink';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import { usePageStyles } from '../page.styles';

interface PapersFolder {
  link: string;
  files: { name: string; size: number; link: string }[];
}

const sizeOf = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A meeting's papers folder, where "Open the papers folder" on a card leads: the files in it, each
 * opened through the app, and the folder itself where the store has one of its own (SharePoint).
 */
export function PapersFolderPage(props: { meetingId: string }) {
  const s = usePageStyles();
  const ctx = useAppContext();
  const id = encodeURIComponent(props.meetingId);
  const folder = useApiData<PapersFolder>(`/api/meetings/${id}/papers/folder`);
  const meeting = useApiData<MeetingView>(`/api/meetings/${id}`);
  if (folder.state === 'loading' || meeting.state === 'loading') return <Loading what="the papers folder" />;
  if (folder.state === 'error') return <LoadError error={folder.error} onRetry={folder.reload} />;
  if (meeting.state === 'error') return <LoadError error={meeting.error} onRetry={meeting.reload} />;
  const v = meeting.data;
  const m = v.meeting;
  // Locally the folder is this page; in production it is the SharePoint folder, opened in SharePoint.
  const elsewhere = !new URL(folder.data.link, window.location.href).pathname.startsWith(pathOf({ page: 'meeting', meetingId: m.id }));
  return (
    <div className={s.page}>
      <h1 className={s.heading}>
        Papers folder: {v.kind?.name ?? m.kind} at {v.academy?.name ?? academyName(ctx, m.academyId)}
      </h1>
      <div className={s.facts}>
        <Text>{formatDate(m.date)}</Text>
        <AppLink to={pathOf({ page: 'meeting', meetingId: m.id })}>The meeting page</AppLink>
        {elsewhere ? (
          <a href={folder.data.link} target="_blank" rel="noopener noreferrer">
            Open the folder in SharePoint
          </a>
        ) : null}
      </div>
      <Section title={`Files (${folder.data.files.length})`}>
        {folder.data.files.length === 0 ? (
          <Empty>No papers have been put in the folder yet.</Empty>
        ) : (
          <ul className={s.list} aria-label="Files in the folder">
            {folder.data.files.map((f) => (
              <li key={f.name}>
                <PaperLink href={f.link} label={f.name} /> <span className={s.muted}>{sizeOf(f.size)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
