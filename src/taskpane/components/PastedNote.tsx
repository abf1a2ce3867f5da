/** Said above the results when the plan was read from section tables pasted as they are printed. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { PASTED_CREATE_HINT, pastedSentence } from '../../core/output/pasted-wording';
import type { CheckOutcome } from '../service';

export function PastedNote({ outcome, onCreate }: { outcome: CheckOutcome; onCreate?: () => void }) {
  const pasted = outcome.report.pasted;
  if (!pasted) return null;
  const offer = onCreate && pasted.standard.length > 0;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="pasted-note">
      <MessageBarBody>
        <MessageBarTitle>Tabelle incollate</MessageBarTitle>
        {pastedSentence(pasted)}
        {offer && ` ${PASTED_CREATE_HINT}`}
      </MessageBarBody>
      {offer && (
        <MessageBarActions>
          <Button size="small" onClick={onCreate}>
            Vai a «Crea fogli standard»
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
