/**
 * «Scarica il documento del piano (Word)»: the data chapter of the plan as a .docx, made when asked
 * (the docx library is loaded only then). Where the pane cannot save files (Excel for Mac, iPad) it
 * says so and points to the browser page, which can.
 */
import { Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PlanDocument } from '../../core/document/model';
import { ShownError, describeError } from '../errors';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export const DOCUMENT_LABEL = 'Scarica il documento del piano (Word)';

export interface DocumentButtonProps {
  /** The document's content: built with the check, or read again from the workbook. */
  getDocument: () => Promise<PlanDocument>;
  canDownload: boolean;
  appearance?: 'primary' | 'secondary';
}

type State = { kind: 'idle' } | { kind: 'making' } | { kind: 'saved'; name: string } | { kind: 'blocked' } | { kind: 'failed'; error: ShownError };

export function DocumentButton({ getDocument, canDownload, appearance = 'secondary' }: DocumentButtonProps) {
  const s = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const make = async () => {
    if (!canDownload) {
      setState({ kind: 'blocked' });
      return;
    }
    setState({ kind: 'making' });
    try {
      const doc = await getDocument();
      const { renderDocument, saveFile } = await import(/* webpackChunkName: "document-client" */ '../document/render-client');
      saveFile(await renderDocument(doc), doc.fileName);
      setState({ kind: 'saved', name: doc.fileName });
    } catch (err) {
      setState({ kind: 'failed', error: describeError(err) });
    }
  };

  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button appearance={appearance} icon={<DocumentRegular />} disabled={state.kind === 'making'} onClick={() => void make()}>
          {DOCUMENT_LABEL}
        </Button>
        {state.kind === 'making' && <Spinner size="extra-tiny" label="Preparazione del documento…" />}
      </div>
      {state.kind === 'saved' && (
        <MessageBar intent="success" politeness="polite" layout="multiline">
          <MessageBarBody>
            Documento «{state.name}» scaricato: le tabelle delle sezioni dalla a alla k, con i totali calcolati. Le parti da
            scrivere (premessa, misure) sono segnate nel testo.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'blocked' && (
        <MessageBar intent="info" politeness="polite" layout="multiline" data-testid="document-blocked">
          <MessageBarBody>
            Excel per Mac (e per iPad) non permette ai componenti aggiuntivi di salvare file. Per avere il documento: salvare la cartella,
            aprire la{' '}
            <Link href="taskpane.html" target="_blank" rel="noopener">
              pagina di Piano Offerta nel browser
            </Link>{' '}
            e sceglierci lo stesso file: la pagina fa lo stesso controllo e scarica il documento.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'failed' && <ErrorBar error={state.error} onDismiss={() => setState({ kind: 'idle' })} />}
    </div>
  );
}
