/** What "Rimuovi risultati" removed. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { sheetNames } from '../italian';
import type { RemoveOutcome } from '../service';

export function RemovedNote({ outcome }: { outcome: RemoveOutcome }) {
  const { removedSheets, removedMarks, notices } = outcome;
  const parts: string[] = [];
  if (removedSheets.length > 0) {
    parts.push(`${removedSheets.length === 1 ? 'eliminato il foglio' : 'eliminati i fogli'} ${sheetNames(removedSheets)}`);
  }
  if (removedMarks > 0) parts.push('tolte dai fogli del piano le evidenziazioni, le note e le colonne calcolate');
  return (
    <>
      <MessageBar intent={parts.length ? 'success' : 'info'} layout="multiline" politeness="polite">
        <MessageBarBody>{parts.length ? `Risultati rimossi: ${parts.join('; ')}.` : "Non c'erano risultati di Piano Offerta da rimuovere."}</MessageBarBody>
      </MessageBar>
      {notices.map((n) => (
        <MessageBar key={n.message} intent="warning" layout="multiline">
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
