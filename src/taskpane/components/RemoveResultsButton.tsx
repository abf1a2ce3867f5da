/**
 * "Rimuovi risultati" with a confirmation step: it deletes sheets, so one click must not be enough.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';

export function RemoveResultsButton({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => { setOpen(data.open); }}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary" disabled={disabled}>
          Rimuovi risultati
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Rimuovere i risultati?</DialogTitle>
          <DialogContent>
            Saranno eliminati i fogli «Sezione g», «Anomalie» e «Riepilogo», le colonne calcolate, le evidenziazioni e le
            note scritte da Piano Offerta. I dati inseriti nei fogli del piano non vengono toccati e il controllo si può ripetere in
            qualsiasi momento.
          </DialogContent>
          <DialogActions>
            {/* «Annulla» first: the dialog opens with the focus on the harmless choice, not on the one that deletes. */}
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Annulla</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              Rimuovi
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
