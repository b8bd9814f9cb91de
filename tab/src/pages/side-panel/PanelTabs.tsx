import { makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

const useStyles = makeStyles({
  list: { display: 'flex', gap: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    background: 'none',
    border: 'none',
    borderBottom: '3px solid transparent',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    '@media (forced-colors: active)': { color: 'ButtonText' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    '@media (forced-colors: active)': { borderBottomColor: 'Highlight' },
  },
});

/**
 * The side panel's tabs, as the ARIA tabs pattern (arrow keys, Home and End move between them).
 * Hand-made rather than Fluent's TabList, whose focus sentinels (aria-hidden and focusable) axe
 * reports as `aria-hidden-focus` (issue 20).
 */
export function PanelTabs<T extends string>(props: {
  label: string;
  tabs: { value: T; label: string }[];
  selected: T;
  onSelect: (value: T) => void;
}) {
  const s = useStyles();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const move = (e: KeyboardEvent, from: number) => {
    const last = props.tabs.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? from === last
          ? 0
          : from + 1
        : e.key === 'ArrowLeft'
          ? from === 0
            ? last
            : from - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = props.tabs[to]!.value;
    props.onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className={s.list}>
      {props.tabs.map((t, i) => {
        const selected = t.value === props.selected;
        return (
          <button
            key={t.value}
            ref={(el) => {
              if (el) refs.current.set(t.value, el);
              else refs.current.delete(t.value);
            }}
            type="button"
            role="tab"
            id={`panel-tab-${t.value}`}
            aria-selected={selected}
            aria-controls={`panel-${t.value}`}
            tabIndex={selected ? 0 : -1}
            className={selected ? `${s.tab} ${s.selected}` : s.tab}
            onClick={() => props.onSelect(t.value)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
