/** The failure of the last action: what happened and what to do, dismissible. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ShownError } from '../errors';

export function ErrorBar({ error, onDismiss }: { error: ShownError; onDismiss: () => void }) {
  return (
    // Multiline: in a 320 px pane the message and the action never fit on one line.
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle> {error.action}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Chiudi il messaggio
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
