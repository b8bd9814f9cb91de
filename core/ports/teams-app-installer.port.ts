/** Getting the app into a person's Teams so a card can reach them even if they never opened it. */
export interface TeamsAppInstaller {
  /** Installs the app for the user if it is not there (an existing install is fine) and returns their 1:1 chat with the bot. */
  ensureInstalledForUser(userObjectId: string, options?: { signal?: AbortSignal }): Promise<{ chatId: string; newlyInstalled: boolean }>;
}
