/** Where cards link to: the tab's pages (a Teams deep link in production, the local host's `/tab` locally). */
export interface CardLinks {
  academy(academyId: string): string;
  meetingPapers(meetingId: string): string;
  meeting(meetingId: string): string;
}

/** Links into the tab served at `base` (e.g. `http://localhost:3978/tab`), matching the tab's router (`tab/src/app/router.ts`). */
export const tabLinks = (base: string): CardLinks => ({
  academy: (id) => `${base}/academy/${encodeURIComponent(id)}`,
  meetingPapers: (id) => `${base}/meeting/${encodeURIComponent(id)}#papers`,
  meeting: (id) => `${base}/meeting/${encodeURIComponent(id)}`,
});
