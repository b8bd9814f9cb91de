import { Badge } from '@fluentui/react-components';
import { RAG_LABELS } from '../format/words';

const COLOUR = { red: 'danger', amber: 'warning', green: 'success' } as const;

/** RAG as a badge whose text says the level, so colour is never the only signal. */
export const RagBadge = (props: { rag: 'red' | 'amber' | 'green' }) => (
  <Badge appearance="filled" color={COLOUR[props.rag]} shape="rounded">
    {RAG_LABELS[props.rag]}
  </Badge>
);
