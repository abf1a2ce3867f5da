/** What "Rimuovi risultati" removed. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { countOf, joinNames } from '../italian';
import type { RemoveOutcome } from '../service';

export function RemovedNote({ outcome }: { outcome: RemoveOutcome }) {
  const { removedSheets, restoredCells } = outcome;
  if (removedSheets.length === 0 && restoredCells === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>Non c&apos;erano risultati di Piano Offerta da rimuovere.</MessageBarBody>
      </MessageBar>
    );
  }
  const parts: string[] = [];
  if (removedSheets.length > 0) {
    parts.push(`${removedSheets.length === 1 ? 'eliminato il foglio' : 'eliminati i fogli'} ${joinNames(removedSheets)}`);
  }
  if (restoredCells > 0) parts.push(`${countOf(restoredCells, 'cella riportata', 'celle riportate')} com'era prima del controllo`);
  return (
    <MessageBar intent="success" layout="multiline" politeness="polite">
      <MessageBarBody>Risultati rimossi: {parts.join('; ')}.</MessageBarBody>
    </MessageBar>
  );
}
