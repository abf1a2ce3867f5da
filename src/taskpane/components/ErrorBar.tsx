/** The failure of the last action: what happened and what to do, dismissible. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ShownError } from '../errors';

export interface ErrorBarProps {
  error: ShownError;
  onDismiss: () => void;
  /** A way out offered beside the message (e.g. a button that leads to «Crea fogli standard»). */
  actions?: ReactNode;
}

/**
 * The first sentence in bold, the rest of the message (what was looked for, what was found) in the
 * body's weight: a paragraph all in bold is hard to read in a narrow pane.
 */
function splitFirstSentence(message: string): [string, string] {
  const m = /^(.{20,}?[.!?])\s+(\S[\s\S]*)$/.exec(message);
  return m ? [m[1]!, m[2]!] : [message, ''];
}

export function ErrorBar({ error, onDismiss, actions }: ErrorBarProps) {
  const [title, detail] = splitFirstSentence(error.message);
  return (
    // Multiline: in a 320 px pane the message and the action never fit on one line.
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {detail && `${detail} `}
        {error.action}
      </MessageBarBody>
      <MessageBarActions>
        {actions}
        <Button size="small" onClick={onDismiss}>
          Chiudi il messaggio
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
