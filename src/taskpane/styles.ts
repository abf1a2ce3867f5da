/** Styles shared by several components. */
import { makeStyles } from '@fluentui/react-components';

export const useSharedStyles = makeStyles({
  /** Read by screen readers, not shown: extra words where the visual layout says it with position or colour. */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0px, 0px, 0px, 0px)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
