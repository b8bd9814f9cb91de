/** Values a provisioned "dev" environment would hold (made-up ids, the Function App's real shape of domain). */
export const SAMPLE_VALUES = {
  TEAMS_APP_ID: '4b9a3c1e-2f6d-4e8a-9b1c-7d5e3f2a1b0c',
  APP_NAME_SUFFIX: ' (dev)',
  DEVELOPER_NAME: 'Meadowbank Learning Trust',
  DEVELOPER_WEBSITE_URL: 'https://www.meadowbank.example',
  PRIVACY_URL: 'https://www.meadowbank.example/privacy',
  TERMS_OF_USE_URL: 'https://www.meadowbank.example/terms',
  BOT_ID: '0d7f6a52-91b3-4c2e-8f4d-6a1b2c3d4e5f',
  AAD_APP_CLIENT_ID: 'c2e1a7f0-5b4d-4c3a-9e8f-1a2b3c4d5e6f',
  FUNCTION_APP_DOMAIN: 'func-school-improvement-dev-a1b2c3.azurewebsites.net',
} as const;

/** The same values as a Toolkit env file. */
export const sampleEnvFile = (values: Readonly<Record<string, string>> = SAMPLE_VALUES): string =>
  `${Object.entries(values)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join('\n')}\n`;
