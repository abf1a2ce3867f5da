/**
 * Choosing the comuni of the ambito from the official ISTAT list: type part of a name, tick the
 * comuni found; the chosen ones are listed below as tags that can be removed. A simple input and
 * list rather than a popup picker: the pane is narrow and this stays keyboard- and screen-reader-friendly.
 */
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  SearchBox,
  Tag,
  TagGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { foldText } from '../../core/names/normalize';
import { ComuneUfficiale, comuniAttivi } from '../../core/reference/comuni';
import { countOf } from '../italian';

/** More than this and the list is a wall: ask for a more precise search instead. */
const MAX_MATCHES = 25;
const MIN_QUERY = 2;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  matches: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '14rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  chosenHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export function comuneLabel(c: ComuneUfficiale): string {
  return `${c.nome} (${c.provincia})`;
}

const collator = new Intl.Collator('it', { sensitivity: 'base' });

interface Indexed {
  comune: ComuneUfficiale;
  key: string;
}

/** Comuni whose name contains the text; those that start with it first, then alphabetical. */
function search(index: readonly Indexed[], query: string): ComuneUfficiale[] {
  const q = foldText(query);
  if (q.length < MIN_QUERY) return [];
  return index
    .filter((i) => i.key.includes(q))
    .sort((x, y) => Number(!x.key.startsWith(q)) - Number(!y.key.startsWith(q)) || collator.compare(x.comune.nome, y.comune.nome))
    .map((i) => i.comune);
}

function matchesHint(query: string, found: number): string {
  if (foldText(query).length < MIN_QUERY) return '';
  if (found === 0) return 'Nessun comune lombardo con questo nome.';
  const text = countOf(found, 'comune trovato', 'comuni trovati');
  return found > MAX_MATCHES ? `${text}: ne sono mostrati ${MAX_MATCHES}, precisare la ricerca.` : text;
}

export interface ComuniPickerProps {
  selected: ComuneUfficiale[];
  onChange: (next: ComuneUfficiale[]) => void;
  /** Another action is running: everything is shown, nothing can be changed. */
  disabled?: boolean;
}

export function ComuniPicker({ selected, onChange, disabled = false }: ComuniPickerProps) {
  const s = useStyles();
  const [query, setQuery] = useState('');
  const index = useMemo(() => comuniAttivi().map((c) => ({ comune: c, key: foldText(`${c.nome} ${c.provincia}`) })), []);
  const matches = useMemo(() => search(index, query), [index, query]);
  const chosen = new Set(selected.map((c) => c.istat));

  const toggle = (c: ComuneUfficiale, on: boolean) => {
    if (on && !chosen.has(c.istat)) onChange([...selected, c].sort((x, y) => collator.compare(x.nome, y.nome)));
    if (!on) onChange(selected.filter((x) => x.istat !== c.istat));
  };

  return (
    <div className={s.root}>
      <Field label="Cerca un comune" hint="Almeno due lettere del nome, ad esempio «crema».">
        <SearchBox value={query} disabled={disabled} onChange={(_, data) => setQuery(data.value)} />
      </Field>
      {matches.length > 0 && (
        <ul className={s.matches} aria-label="Comuni trovati">
          {matches.slice(0, MAX_MATCHES).map((c) => (
            <li key={c.istat}>
              <Checkbox label={comuneLabel(c)} checked={chosen.has(c.istat)} disabled={disabled} onChange={(_, data) => toggle(c, data.checked === true)} />
            </li>
          ))}
        </ul>
      )}
      <Caption1 className={s.hint} aria-live="polite">
        {matchesHint(query, matches.length)}
      </Caption1>
      <div className={s.chosenHead}>
        <Body1 id="comuni-scelti">{selected.length === 0 ? 'Nessun comune scelto.' : `Comuni scelti: ${selected.length}`}</Body1>
        {selected.length > 0 && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onChange([])}>
            Togli tutti
          </Button>
        )}
      </div>
      {selected.length > 0 && (
        <TagGroup
          className={s.tags}
          aria-labelledby="comuni-scelti"
          disabled={disabled}
          onDismiss={(_, data) => onChange(selected.filter((c) => c.istat !== data.value))}
        >
          {selected.map((c) => (
            <Tag key={c.istat} value={c.istat} size="small" dismissible dismissIcon={{ 'aria-label': `Togli ${c.nome}` }}>
              {comuneLabel(c)}
            </Tag>
          ))}
        </TagGroup>
      )}
    </div>
  );
}
