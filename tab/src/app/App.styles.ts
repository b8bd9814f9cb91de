import { makeStyles, tokens } from '@fluentui/react-components';

/** The shell: a Teams-like header with the page links, and the page below. Tokens only, so every theme (incl. high contrast) applies. */
export const useAppStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  nav: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  navList: { display: 'flex', gap: tokens.spacingHorizontalL, listStyleType: 'none', margin: 0, padding: 0 },
  navCurrent: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  spacer: { flexGrow: 1 },
  main: { padding: tokens.spacingHorizontalXL, maxWidth: '1400px', margin: '0 auto', outlineStyle: 'none' },
  panelMain: { padding: tokens.spacingHorizontalM },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 10,
      backgroundColor: tokens.colorNeutralBackground1,
      padding: tokens.spacingHorizontalS,
    },
  },
  devBadge: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  devSelect: { minWidth: '240px' },
});
