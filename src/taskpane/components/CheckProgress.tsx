/** The running check: the stage the service reports, as a labelled progress bar, announced politely. */
import { Field, ProgressBar, useAnnounce } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Progress } from '../service';

const STARTING = 'Avvio del controllo…';

export function CheckProgress({ progress }: { progress: Progress | null }) {
  const { announce } = useAnnounce();
  const label = progress?.label ?? STARTING;
  // Announce each stage once, not every fraction update (a screen reader would talk without pause).
  useEffect(() => announce(label, { polite: true }), [announce, label]);
  return (
    <Field label={label} hint={progress?.detail}>
      {/* Indeterminate until the service reports a first fraction. */}
      <ProgressBar thickness="large" max={1} value={progress ? Math.min(1, Math.max(0, progress.fraction)) : undefined} />
    </Field>
  );
}
