import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { ApiError } from '../api/api-client';

/** Loading: a labelled spinner that screen readers announce. */
export const Loading = (props: { what: string }) => <Spinner role="status" label={`Loading ${props.what}…`} labelPosition="below" />;

/** An error the person can act on, with a retry. */
export const LoadError = (props: { error: ApiError; onRetry?: () => void }) => (
  <MessageBar intent="error" role="alert">
    <MessageBarBody>
      <MessageBarTitle>
        {props.error.status === 403 ? 'Not available to you' : props.error.status === 404 ? 'Not found' : 'Could not load this page'}
      </MessageBarTitle>
      {props.error.message}
    </MessageBarBody>
    {props.onRetry && props.error.status !== 403 && props.error.status !== 404 ? (
      <MessageBarActions>
        <Button onClick={props.onRetry}>Try again</Button>
      </MessageBarActions>
    ) : null}
  </MessageBar>
);

/** Nothing to show, said plainly. */
export const Empty = (props: { children: string }) => (
  <Text as="p" italic>
    {props.children}
  </Text>
);
