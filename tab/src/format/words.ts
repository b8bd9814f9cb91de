/**
 * Stored values, problems and meetings in words, from the one set of labels in core
 * (`core/domain/format`), so the tab says "In progress" and "Due date" exactly as the cards do.
 */
export {
  actionStatusLabel,
  approvalStatusLabel,
  attendanceLabel,
  extensionStatusLabel,
  interventionStatusLabel,
  meetingName,
  meetingStatusLabel,
  phaseLabel,
  priorityLabel,
  problemLabel,
  problemsSentence,
  ragLabel,
  riskBandLabel,
  words,
  ACTION_STATUS_LABELS,
  CRITERION_PROGRESS_LABELS,
  IMPACT_LABELS,
  RAG_LABELS,
  RISK_BAND_LABELS,
} from '../../../core/domain/format';
