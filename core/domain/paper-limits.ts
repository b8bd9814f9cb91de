/**
 * The most a paper may be, whatever the trust sets: an Azure Functions HTTP request is at most
 * 100 MB (Functions HTTP trigger, "Limits"), and a paper arrives in one request. SharePoint takes
 * more (upload sessions), so a larger file still goes straight into the meeting's folder.
 */
export const PAPER_LIMIT_CEILING_MB = 100;
/** A trust's limit until its administrator sets one. */
export const DEFAULT_PAPER_LIMIT_MB = 100;
/** The most a paper may be sent base64-encoded in JSON (the API's JSON bodies are at most 6 MB); larger ones go as the file itself. */
export const MAX_JSON_PAPER_BYTES = 4 * 1024 * 1024;
export const megabytes = (mb: number): number => mb * 1024 * 1024;
